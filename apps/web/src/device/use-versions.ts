import type { ApiClient } from '../api/api-client';
import { useApiQuery } from '../shared/use-api-query';

/** How many versions the pickers offer; the timeline pages through all of them. */
export const PICKER_VERSIONS = 200;

/** A device's newest versions, newest first: what the version pickers choose from. */
export function useVersions(api: ApiClient, deviceId: string, refreshKey = 0) {
  return useApiQuery(`versions:${deviceId}:${refreshKey}`, (signal) =>
    api.get('/api/v1/devices/{id}/configs', { path: { id: deviceId }, query: { limit: PICKER_VERSIONS }, signal }),
  );
}

export function versionLabel(version: { revision: number; createdAt: string }): string {
  return `r${version.revision} (${new Date(version.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })})`;
}
