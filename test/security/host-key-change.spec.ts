import { startLabProcess, type LabProcess } from '@netkeep/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labInventory, listDevices, waitForRun, WebhookReceiver, type DeviceView, type RunView } from '../e2e/support/fleet';
import { PlatformProcess, waitFor } from '../e2e/support/platform-process';

interface BackupStatus {
  lastOutcome: string | null;
  lastError: { phase: string; message: string; runId: string } | null;
}

interface HostKeyView {
  fingerprint: string;
  refused: { fingerprint: string } | null;
}

interface FailedDelivery {
  event: string;
  device: { id: string };
  run: { id: string };
  error?: { phase: string; message: string; attempts: number };
}

/** SHA256 fingerprints as ssh-keygen -lf prints them (without padding). */
const FINGERPRINT = /SHA256:[A-Za-z0-9+/]{43}/g;

async function rotateHostKey(lab: LabProcess, device: string): Promise<string> {
  const response = await fetch(`${lab.control}/devices/${encodeURIComponent(device)}/host-key/rotate`, { method: 'POST' });
  if (!response.ok) throw new Error(`lab host-key rotate answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { hostKeyFingerprint: string }).hostKeyFingerprint;
}

describe('a device whose SSH host key changes', () => {
  let lab: LabProcess;
  let platform: PlatformProcess;
  let receiver: WebhookReceiver;
  let devices: DeviceView[];

  beforeAll(async () => {
    [lab, platform, receiver] = await Promise.all([
      startLabProcess(['--devices', '2', '--platforms', 'cisco_ios,juniper_junos', '--addressing', 'ports', '--port', '0', '--snmp-port', '0']),
      PlatformProcess.start({ env: { NETKEEP_BACKUP_BACKOFF_MS: '200', NETKEEP_WEBHOOK_BACKOFF_MS: '200' } }),
      WebhookReceiver.start(),
    ]);
    await platform.api.post('/webhooks', { url: receiver.url, secret: 'host-key-webhook-secret', events: ['backup.failed'] });
    await platform.api.post('/devices/import?format=lab', labInventory(lab));
    devices = await listDevices(platform.api);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([platform?.dispose(), lab?.stop(), receiver?.close()]);
  }, 60_000);

  it('is refused, reported with the host-key phase and both fingerprints, stays refused (the new key is never trusted on its own) until an admin accepts it by its fingerprint', async () => {
    const [rotated, steady] = devices.sort((a, b) => a.name.localeCompare(b.name));
    if (!rotated || !steady) throw new Error('the lab has fewer than two devices');
    const first = await waitForRun(platform.api, (await platform.api.post<{ id: string }>('/backups', { selector: {} }, 202)).id);
    expect(first.progress).toMatchObject({ total: 2, succeeded: 2, failed: 0 });
    const trusted = await platform.api.get<HostKeyView>(`/devices/${rotated.id}/host-key`);
    expect(trusted).toMatchObject({ fingerprint: expect.stringMatching(FINGERPRINT), refused: null });

    const newFingerprint = await rotateHostKey(lab, rotated.name);
    for (const attempt of [1, 2]) {
      const started = await platform.api.post<{ id: string }>('/backups', { selector: {} }, 202);
      const finished = await waitForRun(platform.api, started.id);
      const run = await platform.api.get<RunView & { results: { deviceId: string; status: string; phase?: string; error?: string; attempts: number }[] }>(`/backups/${started.id}`);
      expect(finished.progress, `backup ${attempt} after the change`).toMatchObject({ total: 2, failed: 1 });
      const refused = run.results.find((result) => result.deviceId === rotated.id);
      // Permanent: trying again cannot help, so it is tried once.
      expect(refused, `backup ${attempt} after the change`).toMatchObject({ status: 'failed', phase: 'host-key', attempts: 1 });
      const fingerprints = refused?.error?.match(FINGERPRINT) ?? [];
      expect(fingerprints).toHaveLength(2);
      expect(fingerprints[1]).toBe(newFingerprint);
      expect(run.results.find((result) => result.deviceId === steady.id)?.status).toMatch(/^(succeeded|unchanged)$/);

      const status = await platform.api.get<BackupStatus>(`/devices/${rotated.id}/backup-status`);
      expect(status).toMatchObject({ lastOutcome: 'failed', lastError: { phase: 'host-key', runId: started.id, message: expect.stringMatching(/^host key changed: known .+ offered .+; refusing to connect/) } });
      const hostKey = await platform.api.get<HostKeyView>(`/devices/${rotated.id}/host-key`);
      expect(hostKey, 'the stored key is kept, the offered one shown as refused, not learned').toMatchObject({ fingerprint: trusted.fingerprint, refused: { fingerprint: newFingerprint } });
      expect(fingerprints[0]).toBe(trusted.fingerprint);
    }

    const versions = await platform.api.get<{ count: number }>(`/devices/${rotated.id}/configs`);
    expect(versions.count, 'nothing was fetched from the device with the new key').toBe(1);
    const delivery = await waitFor('a backup.failed delivery for the refused device', async () =>
      receiver.deliveries.map((candidate) => JSON.parse(candidate.raw.toString('utf8')) as FailedDelivery).find((payload) => payload.event === 'backup.failed' && payload.device.id === rotated.id),
    30_000);
    expect(delivery.error).toMatchObject({ phase: 'host-key', attempts: 1 });

    // The operator checks the fingerprint on the device and accepts exactly that key.
    const accepted = await platform.api.post<HostKeyView>(`/devices/${rotated.id}/host-key/accept`, { fingerprint: newFingerprint }, 200);
    expect(accepted).toMatchObject({ fingerprint: newFingerprint, refused: null });
    const after = await waitForRun(platform.api, (await platform.api.post<{ id: string }>('/backups', { deviceIds: [rotated.id] }, 202)).id);
    expect(after.progress, 'backed up again with the accepted key').toMatchObject({ total: 1, failed: 0 });
  });
});
