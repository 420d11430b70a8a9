import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import type { BackupStatus } from '../api/types';

/** Requests at once: a browser opens about six connections per host anyway. */
const CONCURRENCY = 6;

/**
 * The backup status of each listed device, asked per device: a page of 50 costs 50 small
 * requests whatever the fleet's size. Statuses arrive as they are answered.
 */
export function useBackupStatuses(api: ApiClient, deviceIds: readonly string[], refreshKey = 0): Map<string, BackupStatus> {
  const [statuses, setStatuses] = useState(() => new Map<string, BackupStatus>());
  const idsKey = deviceIds.join(',');
  useEffect(() => {
    const controller = new AbortController();
    const queue = [...deviceIds];
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const deviceId = id;
        try {
          const status = await api.get('/api/v1/devices/{id}/backup-status', { path: { id: deviceId }, signal: controller.signal });
          if (!controller.signal.aborted) setStatuses((previous) => new Map(previous).set(deviceId, status));
        } catch {
          // A device deleted meanwhile: its row shows no status.
        }
      }
    };
    void Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    return () => controller.abort();
    // idsKey stands for deviceIds.
  }, [api, idsKey, refreshKey]);
  return statuses;
}
