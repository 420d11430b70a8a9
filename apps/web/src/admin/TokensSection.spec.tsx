import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiToken, IssuedApiToken } from '../api/types';
import { renderInSession } from '../testing/render-in-session';
import { TokensSection } from './TokensSection';

const EXISTING: ApiToken = {
  id: '6c1f1c2e-6a53-4c3e-9d53-0d8d3c1f0a11',
  name: 'ci-backup-trigger',
  role: 'operator',
  createdAt: '2026-11-20T08:00:00.000Z',
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: '2026-11-27T05:00:00.000Z',
};
const ISSUED: IssuedApiToken = { ...EXISTING, id: '9b2d3c4e-0000-4000-8000-000000000001', name: 'grafana', role: 'viewer', lastUsedAt: null, token: 'nk_Zm9yLWdyYWZhbmEtb25seS10aGlzLW9uY2U' };

describe('TokensSection', () => {
  it('lists tokens by name and role, never a token itself', async () => {
    renderInSession(<TokensSection />, { 'GET /api/v1/tokens': { items: [EXISTING] } }, 'admin');
    expect(await screen.findByRole('rowheader', { name: 'ci-backup-trigger' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/nk_/);
  });

  it('shows a new token once: after "I have stored it" it is gone from the page', async () => {
    const { requests } = renderInSession(<TokensSection />, { 'GET /api/v1/tokens': { items: [EXISTING] }, 'POST /api/v1/tokens': ISSUED }, 'admin');
    fireEvent.change(await screen.findByLabelText('Name (what it is for)'), { target: { value: 'grafana' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    const shown = (await screen.findByLabelText('The new token')) as HTMLInputElement;
    expect(shown.value).toBe(ISSUED.token);
    expect(requests).toContain('POST /api/v1/tokens');
    fireEvent.click(screen.getByRole('button', { name: 'I have stored it' }));
    await waitFor(() => expect(screen.queryByLabelText('The new token')).toBeNull());
    expect(document.body.innerHTML).not.toContain(ISSUED.token);
  });
});
