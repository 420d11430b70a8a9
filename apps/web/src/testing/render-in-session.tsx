import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ApiClient } from '../api/api-client';
import type { Role } from '../api/types';
import { permissionsOf } from '../session/permissions';
import { SessionContext } from '../session/session-context';

/** Canned API answers by "METHOD /path?query" (the query as the client writes it); anything else is a 404 in the API's shape. */
export type StubbedAnswers = Record<string, unknown>;

/** A fetch that answers from `answers` and records every URL asked, standing in for the platform in component tests. */
export function stubFetch(answers: StubbedAnswers): { fetch: typeof fetch; requests: string[] } {
  const requests: string[] = [];
  const stub = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = `${init?.method ?? 'GET'} ${String(input)}`;
    requests.push(request);
    if (!(request in answers)) {
      return new Response(JSON.stringify({ statusCode: 404, error: 'Not Found', message: `no stubbed answer for ${request}` }), { status: 404 });
    }
    return new Response(JSON.stringify(answers[request]), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: stub as typeof fetch, requests };
}

/** Renders `ui` signed in as a token of `role`, its API calls answered by `answers`. */
export function renderInSession(ui: ReactNode, answers: StubbedAnswers, role: Role = 'viewer') {
  const stub = stubFetch(answers);
  const api = new ApiClient('nk_test_token', { fetch: stub.fetch });
  const session = { api, who: { name: `test-${role}`, role, kind: 'user' as const, tokenId: null }, can: permissionsOf(role), signOut: () => undefined };
  return { ...render(<SessionContext.Provider value={session}>{ui}</SessionContext.Provider>), requests: stub.requests };
}
