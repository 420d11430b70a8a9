import { BODY_MUTATIONS } from './body-mutations';
import type { ValueContext } from './domain-values';
import { IMPORT_MUTATIONS } from './import-mutations';
import type { Mutation } from './mutation';
import type { ApiOperation } from './openapi-operations';
import { PATH_MUTATIONS } from './path-mutations';
import { QUERY_MUTATIONS } from './query-mutations';
import { toGeneratedRequest, type GeneratedRequest } from './request-parts';
import { validRequest } from './valid-requests';

const ALL_MUTATIONS: readonly Mutation[] = [...BODY_MUTATIONS, ...QUERY_MUTATIONS, ...PATH_MUTATIONS, ...IMPORT_MUTATIONS];

export function mutationsFor(operation: ApiOperation): Mutation[] {
  return ALL_MUTATIONS.filter((mutation) => mutation.applies(operation));
}

/**
 * `count` requests the API must refuse, each a valid request with one thing broken. The kinds
 * take turns, so every kind that applies to the operation is tried before any is tried twice.
 */
export function invalidRequests(operation: ApiOperation, count: number, context: () => ValueContext): GeneratedRequest[] {
  const mutations = mutationsFor(operation);
  if (mutations.length === 0) return [];
  const requests: GeneratedRequest[] = [];
  for (let attempt = 0; requests.length < count && attempt < count * 4; attempt++) {
    const mutation = mutations[attempt % mutations.length] as Mutation;
    const values = context();
    const broken = mutation.apply(validRequest(operation, values), operation, values);
    if (broken) requests.push(toGeneratedRequest(operation, broken.parts, 'invalid', { kind: mutation.name, detail: broken.detail }));
  }
  return requests;
}
