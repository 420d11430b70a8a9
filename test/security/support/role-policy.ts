export type LeastRole = 'public' | 'viewer' | 'operator' | 'admin' | 'service';

/**
 * Who may call what, as reviewed: the least role of every operation of the platform. Reading the
 * inventory and the archive is for viewers, changing them for operators; credentials (usernames
 * included), tokens and webhooks (they carry secrets) and trusting a changed SSH host key (it
 * decides who receives those credentials) are for admins; the internal endpoints hand
 * out decrypted secrets and take nobody but netkeep's own services. A new operation fails the
 * suite until it is added here.
 */
export const ROLE_POLICY: Record<string, LeastRole> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /api/v1/auth/whoami': 'viewer',

  'POST /api/v1/tokens': 'admin',
  'GET /api/v1/tokens': 'admin',
  'DELETE /api/v1/tokens/{id}': 'admin',

  'POST /api/v1/devices/import': 'operator',
  'GET /api/v1/devices/export': 'viewer',
  'GET /api/v1/devices': 'viewer',
  'POST /api/v1/devices': 'operator',
  'GET /api/v1/devices/{id}': 'viewer',
  'PATCH /api/v1/devices/{id}': 'operator',
  'DELETE /api/v1/devices/{id}': 'operator',
  'GET /api/v1/devices/{id}/host-key': 'viewer',
  'POST /api/v1/devices/{id}/host-key/accept': 'admin',
  'DELETE /api/v1/devices/{id}/host-key': 'admin',
  'GET /api/v1/sites': 'viewer',
  'POST /api/v1/sites': 'operator',
  'GET /api/v1/sites/{id}': 'viewer',
  'PATCH /api/v1/sites/{id}': 'operator',
  'DELETE /api/v1/sites/{id}': 'operator',
  'GET /api/v1/credentials': 'admin',
  'POST /api/v1/credentials': 'admin',
  'GET /api/v1/credentials/{id}': 'admin',
  'PATCH /api/v1/credentials/{id}': 'admin',
  'DELETE /api/v1/credentials/{id}': 'admin',
  'GET /api/v1/internal/devices/{id}/connection': 'service',
  'PATCH /api/v1/internal/devices/{id}/facts': 'service',

  'POST /api/v1/backups': 'operator',
  'GET /api/v1/backups': 'viewer',
  'GET /api/v1/backups/{id}': 'viewer',
  'GET /api/v1/backup-policies': 'viewer',
  'POST /api/v1/backup-policies': 'operator',
  'GET /api/v1/backup-policies/{id}': 'viewer',
  'PATCH /api/v1/backup-policies/{id}': 'operator',
  'DELETE /api/v1/backup-policies/{id}': 'operator',
  'GET /api/v1/devices/{id}/backup-status': 'viewer',
  'GET /api/v1/backup-status': 'viewer',
  'GET /api/v1/devices/{id}/configs': 'viewer',
  'GET /api/v1/devices/{id}/configs/diff': 'viewer',
  'GET /api/v1/devices/{id}/configs/{version}': 'viewer',
  'GET /api/v1/configs/search': 'viewer',
  'GET /api/v1/webhooks': 'admin',
  'POST /api/v1/webhooks': 'admin',
  'GET /api/v1/webhooks/{id}': 'admin',
  'PATCH /api/v1/webhooks/{id}': 'admin',
  'DELETE /api/v1/webhooks/{id}': 'admin',

  'GET /api/v1/telemetry/devices': 'viewer',
  'GET /api/v1/telemetry/devices/{id}': 'viewer',
  'GET /api/v1/telemetry/devices/{id}/interfaces/{ifName}/history': 'viewer',
  'PUT /api/v1/telemetry/devices/{id}/settings': 'operator',
  'POST /api/v1/telemetry/devices/{id}/poll': 'operator',
};

/** Outside the document (a scrape target, not an API): public too. */
export const UNDOCUMENTED_PUBLIC_PATHS = ['/metrics'];

/** What the document says a route needs: `@Roles(role)` documents its 403 as "Needs the <role> role". */
export function documentedRole(operation: { responses?: Record<string, { description?: string }> }): string | undefined {
  return /^Needs the (\w+) role$/.exec(operation.responses?.['403']?.description ?? '')?.[1];
}
