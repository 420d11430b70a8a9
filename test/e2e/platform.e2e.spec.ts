import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabProcess, type LabProcess } from '@netkeep/testing';
import { changeLabConfig, labInventory, listDevices, waitForRun, WebhookReceiver, type DeviceView, type RunView, type VersionView } from './support/fleet';
import { PlatformProcess, waitFor } from './support/platform-process';

interface ConfigView extends VersionView {
  content?: string;
  config?: string;
}

interface SectionChange {
  section: string;
  status: string;
  added: string[];
  removed: string[];
}

interface TelemetryState {
  id: string;
  poll: { up: boolean; lastSuccessAt: string | null; polls: number };
  interfaces: { name: string; rates: { inBitsPerSecond: number | null }; rateGap: string | null }[];
  rateGap: string | null;
}

const CHANGED_LINE = 'snmp-server location e2e-changed';

function signatureValid(raw: Buffer, secret: string, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(raw).digest('hex'));
  const given = Buffer.from(header.slice('sha256='.length));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function firstIos(devices: readonly DeviceView[]): DeviceView {
  const device = devices.find((candidate) => candidate.platform === 'cisco_ios');
  if (!device) throw new Error('the lab has no cisco_ios device');
  return device;
}

describe('the platform process through its REST API, against a device lab process (20 devices)', () => {
  let lab: LabProcess;
  let platform: PlatformProcess;
  let receiver: WebhookReceiver;
  let devices: DeviceView[];

  beforeAll(async () => {
    [lab, platform, receiver] = await Promise.all([
      startLabProcess(['--devices', '20', '--addressing', 'ports', '--port', '0', '--snmp-port', '0']),
      // An hour between periodic syncs: imported devices must reach telemetry through the inventory's change announcement.
      PlatformProcess.start({ env: { NETKEEP_TELEMETRY_SYNC_SECONDS: '3600' } }),
      WebhookReceiver.start(),
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([platform?.dispose(), lab?.stop(), receiver?.close()]);
  }, 60_000);

  it('imports the lab devices, and telemetry schedules them within seconds', async () => {
    const imported = await platform.api.post<{ created: number; updated: number }>('/devices/import?format=lab', labInventory(lab));
    expect(imported).toMatchObject({ created: 20, updated: 0 });
    devices = await listDevices(platform.api);
    expect(devices.map((device) => device.name).sort()).toEqual(lab.devices.map((device) => device.name).sort());
    const scheduled = await waitFor('telemetry to schedule every imported device', async () => {
      const listing = await platform.api.get<{ results: { nextPollAt: string | null }[] }>('/telemetry/devices?limit=100');
      const next = listing.results.filter((device) => device.nextPollAt !== null);
      return next.length === devices.length ? next : undefined;
    }, 10_000);
    expect(scheduled).toHaveLength(20);
  });

  it('backs every device up, serves a configuration, and after a change on one device the diff, search and a signed webhook show exactly that change', async () => {
    const secret = 'e2e-webhook-secret-0123456789';
    await platform.api.post('/webhooks', { url: receiver.url, secret, events: ['config.changed'] });

    const first = await platform.api.post<{ id: string }>('/backups', { selector: {} }, 202);
    const run = await waitForRun(platform.api, first.id);
    expect(run.progress).toMatchObject({ total: 20, succeeded: 20, failed: 0 });
    for (const device of devices) {
      const versions = await platform.api.get<{ count: number; results: VersionView[] }>(`/devices/${device.id}/configs`);
      expect(versions.count, device.name).toBe(1);
    }

    const ios = firstIos(devices);
    const before = await platform.api.get<ConfigView>(`/devices/${ios.id}/configs/latest`);
    const beforeText = before.content ?? before.config ?? '';
    expect(beforeText).toMatch(/^hostname /m);
    expect(beforeText).not.toContain(CHANGED_LINE);
    // The first versions of all 20 devices were delivered too; keep the count to find the new one.
    await waitFor('config.changed deliveries of the first backup', async () => (receiver.deliveries.length >= 20 ? true : undefined), 30_000);
    const deliveriesBefore = receiver.deliveries.length;

    await changeLabConfig(lab, ios.name, [CHANGED_LINE]);
    const second = await platform.api.post<{ id: string }>('/backups', { deviceIds: [ios.id] }, 202);
    const secondRun = await waitForRun(platform.api, second.id);
    expect(secondRun.progress).toMatchObject({ total: 1, succeeded: 1, failed: 0 });

    const versions = await platform.api.get<{ count: number; results: VersionView[] }>(`/devices/${ios.id}/configs`);
    expect(versions.count).toBe(2);
    const after = await platform.api.get<ConfigView>(`/devices/${ios.id}/configs/2`);
    expect(after.content ?? after.config).toContain(CHANGED_LINE);

    const sections = await platform.api.get<{ sections: SectionChange[] }>(`/devices/${ios.id}/configs/diff?from=1&to=2&format=sections`);
    expect(sections.sections.flatMap((change) => change.added)).toEqual([CHANGED_LINE]);
    expect(sections.sections.flatMap((change) => change.removed)).toEqual([]);

    const unified = await platform.api.get<{ patch: string; linesAdded: number; linesRemoved: number }>(
      `/devices/${ios.id}/configs/diff?from=1&to=2&format=unified`,
    );
    expect(unified).toMatchObject({ linesAdded: 1, linesRemoved: 0 });
    const changedLines = unified.patch.split('\n').filter((line) => /^[+-]/.test(line) && !/^(\+\+\+|---)/.test(line));
    expect(changedLines).toEqual([`+${CHANGED_LINE}`]);

    const search = await platform.api.get<{ matches: { deviceId: string; line: string }[] }>(`/configs/search?pattern=${encodeURIComponent('e2e-changed')}`);
    expect(search.matches).toEqual([expect.objectContaining({ deviceId: ios.id, line: CHANGED_LINE })]);

    const delivery = await waitFor(
      'the config.changed delivery of the change',
      async () =>
        receiver.deliveries.slice(deliveriesBefore).find((candidate) => {
          const body = JSON.parse(candidate.raw.toString('utf8')) as { event: string; device: { id: string }; version?: { revision: number } };
          return body.event === 'config.changed' && body.device.id === ios.id && body.version?.revision === 2;
        }),
      30_000,
    );
    expect(signatureValid(delivery.raw, secret, delivery.headers['x-netkeep-signature'])).toBe(true);
    expect(signatureValid(delivery.raw, 'a-different-secret-entirely', delivery.headers['x-netkeep-signature'])).toBe(false);
    const payload = JSON.parse(delivery.raw.toString('utf8')) as { diff: string; run: { id: string } };
    expect(payload.run.id).toBe(second.id);
    expect(payload.diff).toContain(`+${CHANGED_LINE}`);
  });

  it('polls one device twice on request, serves its state with rates, and exposes netkeep_device_up on /metrics', async () => {
    const device = firstIos(devices);
    await platform.api.post(`/telemetry/devices/${device.id}/poll`, {}, 202);
    const first = await waitFor(
      'a first successful poll',
      async () => {
        const state = await platform.api.get<TelemetryState>(`/telemetry/devices/${device.id}`);
        return state.poll.lastSuccessAt ? state : undefined;
      },
      30_000,
    );
    await platform.api.post(`/telemetry/devices/${device.id}/poll`, {}, 202);
    const second = await waitFor(
      'a second successful poll',
      async () => {
        const state = await platform.api.get<TelemetryState>(`/telemetry/devices/${device.id}`);
        return state.poll.lastSuccessAt && state.poll.lastSuccessAt !== first.poll.lastSuccessAt ? state : undefined;
      },
      30_000,
    );
    expect(second.poll.up).toBe(true);
    expect(second.interfaces.length).toBeGreaterThan(0);
    expect(second.rateGap).toBeNull();
    expect(second.interfaces.some((entry) => typeof entry.rates.inBitsPerSecond === 'number')).toBe(true);

    const deviceUp = new RegExp(`^netkeep_device_up\\{[^}]*device="${device.name}"[^}]*\\} 1$`, 'm');
    const metrics = await waitFor('netkeep_device_up of the polled device on /metrics', async () => {
      const text = await platform.api.text('/metrics');
      return deviceUp.test(text) ? text : undefined;
    }, 30_000);
    expect(metrics).toMatch(/^# TYPE netkeep_device_up gauge$/m);
  });

  it('exits 0 on SIGTERM and, started again on the same data dir and Redis prefix, still has the devices, versions and policies', async () => {
    const ios = firstIos(devices);
    const policiesBefore = await platform.api.get<{ results: { id: string; name: string }[] }>('/backup-policies');
    expect(policiesBefore.results.map((policy) => policy.name)).toContain('daily');

    expect(await platform.restart()).toBe(0);

    const after = await listDevices(platform.api);
    expect(after.map((device) => device.id).sort()).toEqual(devices.map((device) => device.id).sort());
    const versions = await platform.api.get<{ count: number; results: VersionView[] }>(`/devices/${ios.id}/configs`);
    expect(versions.count).toBe(2);
    const latest = await platform.api.get<ConfigView>(`/devices/${ios.id}/configs/latest`);
    expect(latest.content ?? latest.config).toContain(CHANGED_LINE);
    const policies = await platform.api.get<{ results: { id: string; name: string }[] }>('/backup-policies');
    expect(policies.results.map((policy) => policy.id).sort()).toEqual(policiesBefore.results.map((policy) => policy.id).sort());
  });
});

describe('SIGTERM during a backup of 200 lab devices', () => {
  let lab: LabProcess;
  let platform: PlatformProcess;

  beforeAll(async () => {
    [lab, platform] = await Promise.all([
      startLabProcess(['--devices', '200', '--addressing', 'ports', '--port', '0', '--snmp-port', '0'], 120_000),
      PlatformProcess.start(),
    ]);
  }, 150_000);

  afterAll(async () => {
    await Promise.allSettled([platform?.dispose(), lab?.stop()]);
  }, 60_000);

  it('exits 0 within 10 s, and after a restart the run finishes with every device archived exactly once', async () => {
    const imported = await platform.api.post<{ created: number }>('/devices/import?format=lab', labInventory(lab));
    expect(imported.created).toBe(200);
    const started = await platform.api.post<{ id: string }>('/backups', { selector: {} }, 202);

    const midway = await waitFor(
      'the run to show progress',
      async () => {
        const run = await platform.api.get<RunView>(`/backups/${started.id}`);
        if (run.status === 'finished') throw new Error('the run finished before it could be interrupted');
        const done = run.progress.succeeded + run.progress.unchanged + run.progress.failed;
        return done > 0 ? run : undefined;
      },
      60_000,
      50,
    );
    expect(midway.status).toBe('running');

    const stopping = Date.now();
    const code = await platform.stop();
    expect(code).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(10_000);

    await platform.start();
    // The interrupted run was left unfinished: the restarted process is what completes it.
    const resumed = await platform.api.get<RunView>(`/backups/${started.id}`);
    expect(resumed.progress.succeeded + resumed.progress.unchanged + resumed.progress.failed).toBeLessThan(200);
    const run = await waitForRun(platform.api, started.id, 150_000);
    expect(run.progress).toMatchObject({ total: 200, succeeded: 200, failed: 0 });

    const devices = await listDevices(platform.api);
    expect(devices).toHaveLength(200);
    const counts = await Promise.all(
      devices.map(async (device) => [device.name, (await platform.api.get<{ count: number }>(`/devices/${device.id}/configs`)).count] as const),
    );
    expect(counts.filter(([, count]) => count !== 1)).toEqual([]);
  });
});
