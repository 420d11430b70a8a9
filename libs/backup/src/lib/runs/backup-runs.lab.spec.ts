import type { BackupResultDto, BackupRunDto, ConfigDiffDto, ConfigVersionPageDto } from '@netkeep/contracts';
import { DeviceLab, type LabFault } from '@netkeep/device-lab';
import { LabInventoryPort } from '@netkeep/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveHistory } from '../testing/archive-history';
import { startBackupTestApp, type BackupTestApp } from '../testing/backup-test-app';

/** The faults a backup cannot get past, and the phase and reason each must be recorded with. */
const FAILING: Partial<Record<LabFault, string>> = {
  'auth-fail': 'auth',
  'hang-mid-output': 'command',
  'disconnect-mid-output': 'closed',
  'prompt-never-matches': 'prompt',
};
const REASONS: Partial<Record<LabFault, RegExp>> = {
  'auth-fail': /credentials rejected/,
  'hang-mid-output': /no prompt after the output within 1\.5s/,
  'disconnect-mid-output': /connection closed by the device after \d+ bytes/,
  'prompt-never-matches': /no prompt recognised within 2s/,
};
const CHANGE_LINE = 'snmp-server location netkeep-change-knob-7';

describe('backup runs over 200 lab devices with every fault mode', () => {
  let lab: DeviceLab;
  let inventory: LabInventoryPort;
  let app: BackupTestApp;
  let first: BackupRunDto;
  const faultOf = (name: string): LabFault | undefined => lab.fleet.device(name).faults[0];
  const healthy = () => lab.fleet.list().filter((device) => !FAILING[device.faults[0] as LabFault]);

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 200, addressing: 'ports', port: 0, faults: { rate: 0.1 } });
    inventory = new LabInventoryPort(lab.inventory().devices);
    app = await startBackupTestApp({ inventory, settings: { concurrency: 40 } });
  });
  afterAll(async () => {
    await app?.close();
    await lab?.stop();
  });

  it('archives every healthy device, records each faulty one with its phase and reason, and completes the run', async () => {
    const started = await app.startRun({ selector: {} });
    expect(started).toMatchObject({ trigger: 'manual', status: 'running', progress: { total: 200 } });
    first = await app.waitForRun(started.id, 120_000);

    const failing = lab.fleet.list().filter((device) => FAILING[device.faults[0] as LabFault]);
    expect(new Set(failing.map((device) => device.faults[0]))).toEqual(new Set(Object.keys(FAILING)));
    expect(first.progress).toEqual({ total: 200, queued: 0, running: 0, succeeded: 200 - failing.length, unchanged: 0, failed: failing.length });
    for (const result of first.results!) {
      const fault = faultOf(result.deviceName);
      const phase = fault && FAILING[fault];
      if (phase) {
        expect(result, `${result.deviceName} (${fault})`).toMatchObject({ status: 'failed', phase, attempts: fault === 'auth-fail' ? 1 : 3 });
        expect(result.error).toMatch(REASONS[fault]!);
      } else {
        expect(result, `${result.deviceName} (${fault ?? 'healthy'})`).toMatchObject({ status: 'succeeded', changed: true, attempts: 1, versionId: expect.any(String) });
      }
      expect(result.finishedAt! >= result.startedAt!).toBe(true);
    }

    const commits = await archiveHistory(app.config.dataDir);
    expect(commits).toHaveLength(healthy().length);
    expect(commits.every((commit) => commit.parents.length <= 1)).toBe(true);

    // Status and facts of one device of each kind.
    const authFailing = failing.find((device) => device.faults[0] === 'auth-fail')!;
    const status = await app.request('GET', `/api/v1/devices/${inventory.idOf(authFailing.identity.name)}/backup-status`, { token: app.operatorToken });
    expect(status.body).toMatchObject({ lastOutcome: 'failed', lastSuccessAt: null, lastError: { phase: 'auth', runId: first.id } });
    const ok = healthy()[0]!.identity.name;
    const okStatus = await app.request('GET', `/api/v1/devices/${inventory.idOf(ok)}/backup-status`, { token: app.operatorToken });
    expect(okStatus.body).toMatchObject({ lastOutcome: 'succeeded', lastError: null, cryptoProfile: expect.any(String) });
    expect(okStatus.body.lastSuccessAt).toBe(okStatus.body.lastChangeAt);
    expect(inventory.facts.get(inventory.idOf(ok))).toMatchObject({ serial: expect.any(String) });

    const failingList = await app.request('GET', '/api/v1/backup-status?failing=true&limit=1000', { token: app.operatorToken });
    expect(failingList.body.count).toBe(failing.length);

    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toContain('netkeep_backup_runs_total{trigger="manual"} 1');
    expect(metrics).toContain(`netkeep_backup_results_total{outcome="success"} ${healthy().length}`);
    expect(metrics).toContain(`netkeep_backup_results_total{outcome="failed"} ${failing.length}`);
    expect(metrics).toMatch(new RegExp(`netkeep_backup_last_success_timestamp_seconds\\{device="${ok}"\\} \\d{10}`));
    expect(metrics).toMatch(/netkeep_backup_duration_seconds_count\{outcome="success"\} \d+/);
  }, 150_000);

  it('commits exactly the five devices turned by the change knob, with a diff of exactly the change; a run without change commits nothing', async () => {
    const knobbed = ['cisco_ios', 'juniper_junos', 'arista_eos', 'cisco_nxos', 'cisco_xr'].map(
      (platform) => healthy().find((device) => device.identity.platform === platform && device.faults.length === 0)!.identity.name,
    );
    for (const name of knobbed) lab.fleet.changeConfig(name, { addLines: [CHANGE_LINE], by: 'knob' });
    const commitsBefore = (await archiveHistory(app.config.dataDir)).length;

    const second = await app.waitForRun((await app.startRun({ selector: {} })).id, 120_000);
    const changed = second.results!.filter((result) => result.changed).map((result) => result.deviceName);
    expect(changed.sort()).toEqual([...knobbed].sort());
    expect(second.progress).toMatchObject({ succeeded: 5, unchanged: healthy().length - 5, failed: first.progress.failed });
    expect(await archiveHistory(app.config.dataDir)).toHaveLength(commitsBefore + 5);

    for (const name of knobbed) {
      const id = inventory.idOf(name);
      const versions = await app.request<ConfigVersionPageDto>('GET', `/api/v1/devices/${id}/configs`, { token: app.operatorToken });
      expect(versions.body.count).toBe(2);
      expect(versions.body.results[0]).toMatchObject({ revision: 2, runId: second.id, trigger: 'manual' });
      const sections = await app.request<ConfigDiffDto>('GET', `/api/v1/devices/${id}/configs/diff?from=1&to=2&format=sections`, { token: app.operatorToken });
      expect(sections.status).toBe(200);
      expect(sections.body.sections!.flatMap((section) => section.added).map((line) => line.trim())).toEqual([CHANGE_LINE]);
      expect(sections.body.sections!.flatMap((section) => section.removed)).toEqual([]);
      const unified = await app.request<ConfigDiffDto>('GET', `/api/v1/devices/${id}/configs/diff?from=1&to=latest`, { token: app.operatorToken });
      expect(unified.body.patch).toContain(`+${CHANGE_LINE}`);
      // Other changed lines are only the "changed by" stamps the archive keeps but never counts as a change.
      const otherChanges = unified.body.patch!.split('\n').filter((line) => /^[+-](?![+-])/.test(line) && line !== `+${CHANGE_LINE}`);
      expect(otherChanges.every((line) => /last (configuration|commit|done)|Last commit|Running configuration last/i.test(line)), otherChanges.join('\n')).toBe(true);
    }

    const third = await app.waitForRun((await app.startRun({ selector: {} })).id, 120_000);
    expect(third.progress).toMatchObject({ succeeded: 0, unchanged: healthy().length, failed: first.progress.failed });
    expect(third.results!.every((result: BackupResultDto) => result.changed !== true)).toBe(true);
    expect(await archiveHistory(app.config.dataDir)).toHaveLength(commitsBefore + 5);
  }, 300_000);
});
