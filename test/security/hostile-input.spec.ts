import { DeviceLab, type LabInventoryDevice } from '@netkeep/device-lab';
import { parse } from 'csv-parse/sync';
import git from 'isomorphic-git';
import * as fs from 'node:fs';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForRun, type DeviceView, type RunView } from '../e2e/support/fleet';
import { PlatformProcess, waitFor } from '../e2e/support/platform-process';
import { readAllObjects } from './support/git-object-store';
import { RecordingClient } from './support/recording-client';
import { RecordingPersonas } from './support/recording-personas';

const WORKSPACE = resolve(__dirname, '../..');

/** A password a shell would take apart: quotes, separators, substitutions, globs. Passed as one string, it must simply work. */
const SHELL_PASSWORD = `p'a"s s;w|o&r$(touch pwned)\`id\`*?~\\%!`;

/** Names a person may give a device that mean something to a shell, git, Windows, a spreadsheet or a browser: accepted, and harmless. */
const NEUTRALISED_NAMES = [
  'r1; reboot',
  '$(touch pwned)',
  '`touch pwned`',
  'a|b&&c>out',
  '--upload-pack=touch pwned',
  '-rf',
  'CON',
  'HEAD',
  'configs',
  'Zürich Core 1',
  'ﬁle\u3000full width',
  "name \"double\" 'single'",
  '=1+2',
  '@SUM(A1)',
  '+cmd|calc',
  '<img src=x onerror=alert(1)>',
  'r'.repeat(128),
];

interface Refusal {
  what: string;
  method: string;
  path: string;
  body: unknown;
  contentType?: string;
}

const device = (fields: Record<string, unknown>) => ({ name: 'refused', host: '192.0.2.1', platform: 'ios', ...fields });
const labFile = (fields: Record<string, unknown>) =>
  JSON.stringify({ devices: [{ name: 'lab-import', host: '192.0.2.2', port: 22, platform: 'cisco_ios', username: 'netkeep', password: 'pw', ...fields }] });

/** Strings that try to leave the archive's directory, reach a shell, inject lines or paint the terminal: each refused with 400. */
const REFUSALS: Refusal[] = [
  ...['../../etc/passwd', '/etc/passwd', '..\\..\\windows', 'r1/../../x', '..', '.git', 'r1\u0000.cfg', 'r1\r\nX-Injected: 1', 'r1\nhostname evil', '\u001b[2J\u001b[31mred', 'bell\u0007'].map((name) => ({
    what: `device name ${JSON.stringify(name)}`,
    method: 'POST',
    path: '/api/v1/devices',
    body: device({ name }),
  })),
  ...['10.0.0.1; reboot', '$(reboot)', '`reboot`', '10.0.0.1\nreload', '-oProxyCommand=touch pwned', '10.0.0.1 -p 22', '127.0.0.1\u0000'].map((host) => ({
    what: `host ${JSON.stringify(host)}`,
    method: 'POST',
    path: '/api/v1/devices',
    body: device({ host }),
  })),
  { what: 'a site that climbs out', method: 'POST', path: '/api/v1/devices', body: device({ site: '../../etc' }) },
  { what: 'a role with a line break', method: 'POST', path: '/api/v1/devices', body: device({ role: 'core\r\nreload' }) },
  { what: 'notes that set the terminal title', method: 'POST', path: '/api/v1/devices', body: device({ notes: 'x\u001b]0;owned\u0007' }) },
  { what: 'a tag with a separator', method: 'POST', path: '/api/v1/devices', body: device({ tags: ['a;b'] }) },
  { what: 'a site name that climbs out', method: 'POST', path: '/api/v1/sites', body: { name: '../x' } },
  { what: 'a site description with ANSI', method: 'POST', path: '/api/v1/sites', body: { name: 'ansi', description: '\u001b[31mred' } },
  ...[
    { username: 'admin\r\nreload' },
    { username: '\u001b[2Jadmin' },
    { password: 'pw\nreload' },
    { password: 'pw\r\nconfigure terminal' },
    { enableSecret: 'en\nreload' },
    { enableSecret: 'en\rwrite erase' },
  ].map((fields) => ({ what: `credential ${JSON.stringify(fields)}`, method: 'POST', path: '/api/v1/credentials', body: { name: 'hostile', username: 'netkeep', ...fields } })),
  { what: 'a policy name that climbs out', method: 'POST', path: '/api/v1/backup-policies', body: { name: '../x', cron: '0 2 * * *' } },
  { what: 'a cron with a second line', method: 'POST', path: '/api/v1/backup-policies', body: { name: 'cron', cron: '0 2 * * *\nreboot' } },
  { what: 'a webhook URL with a header in it', method: 'POST', path: '/api/v1/webhooks', body: { url: 'http://127.0.0.1:9/x\r\nX-Injected: 1', secret: 'sixteen-characters!' } },
  { what: 'an imported name that climbs out', method: 'POST', path: '/api/v1/devices/import?format=lab', body: labFile({ name: '../../etc/passwd' }) },
  { what: 'an imported enable secret with a line break', method: 'POST', path: '/api/v1/devices/import?format=lab', body: labFile({ enableSecret: 'en\nreload' }) },
  { what: 'an imported host with a command', method: 'POST', path: '/api/v1/devices/import?format=lab', body: labFile({ host: '$(id)' }) },
  { what: 'a CSV name that climbs out', method: 'POST', path: '/api/v1/devices/import?format=csv', body: 'name,host,platform\n"../evil",10.0.0.1,ios\n', contentType: 'text/csv' },
  { what: 'a CSV name with a line break', method: 'POST', path: '/api/v1/devices/import?format=csv', body: 'name,host,platform\n"a\r\nb",10.0.0.1,ios\n', contentType: 'text/csv' },
  {
    what: 'an Ansible become password with a line break',
    method: 'POST',
    path: '/api/v1/devices/import?format=ansible',
    body: 'all:\n  hosts:\n    r9:\n      ansible_host: 10.0.0.9\n      ansible_network_os: ios\n      ansible_user: u\n      ansible_password: p\n      ansible_become_password: "x\\nreload"\n',
    contentType: 'application/yaml',
  },
];

/** `mode name\0<20-byte id>` entries of a git tree object. */
function treeEntryNames(content: Buffer): string[] {
  const names: string[] = [];
  for (let at = 0; at < content.length; ) {
    const nul = content.indexOf(0, at);
    names.push(content.subarray(content.indexOf(0x20, at) + 1, nul).toString('utf8'));
    at = nul + 21;
  }
  return names;
}

describe('hostile strings through the API', () => {
  let lab: DeviceLab;
  let platform: PlatformProcess;
  let api: RecordingClient;
  const personas = new RecordingPersonas();
  let labDevices: LabInventoryDevice[];
  /** netkeep device name → the lab device it points at. */
  const labDeviceOf = new Map<string, LabInventoryDevice>();

  beforeAll(async () => {
    [lab, platform] = await Promise.all([
      DeviceLab.start({ devices: NEUTRALISED_NAMES.length + 1, platforms: ['cisco_ios'], addressing: 'ports', port: 0, snmpPort: 0, password: SHELL_PASSWORD, personaFor: personas.personaFor }),
      PlatformProcess.start(),
    ]);
    api = new RecordingClient(platform.api.baseUrl, platform.token);
    labDevices = lab.inventory().devices;
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([platform?.dispose(), lab?.stop()]);
  }, 60_000);

  it('refuses every string that climbs out of a directory, reaches for a shell, breaks a line or carries terminal escapes, and stores nothing of them', async () => {
    const counts = async () =>
      Promise.all(['/api/v1/devices', '/api/v1/sites', '/api/v1/credentials', '/api/v1/backup-policies', '/api/v1/webhooks'].map(async (path) => (await api.expect(200, 'GET', path)).count as number));
    const before = await counts();
    const accepted: string[] = [];
    for (const refusal of REFUSALS) {
      const response = await api.call(refusal.method, refusal.path, { body: refusal.body, contentType: refusal.contentType });
      if (response.status !== 400 || typeof response.body?.message !== 'string') accepted.push(`${refusal.what}: ${response.status} ${response.text.slice(0, 200)}`);
    }
    expect(accepted).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('accepts names that only look dangerous, backs up and polls those devices with a password full of shell syntax, and their sessions run exactly what a plainly named device runs', async () => {
    const names = ['plain-r0', ...NEUTRALISED_NAMES];
    const ids: string[] = [];
    for (const [index, name] of names.entries()) {
      const target = labDevices[index] as LabInventoryDevice;
      labDeviceOf.set(name, target);
      const credential = await api.expect<{ id: string }>(201, 'POST', '/api/v1/credentials', {
        body: { name: `hostile-${index}`, username: target.username, password: SHELL_PASSWORD, enableSecret: target.enableSecret },
      });
      ids.push((await api.expect<{ id: string }>(201, 'POST', '/api/v1/devices', { body: { name, host: target.host, port: target.port, platform: target.platform, credentialId: credential.id } })).id);
    }
    const started = await api.expect<{ id: string }>(202, 'POST', '/api/v1/backups', { body: { selector: {} } });
    await waitForRun(platform.api, started.id);
    const run = await api.expect<RunView>(200, 'GET', `/api/v1/backups/${started.id}`);
    expect(run.results?.filter((result) => result.status !== 'succeeded')).toEqual([]);
    expect(run.results).toHaveLength(names.length);
    // Telemetry reads these devices over the CLI (they have no SNMP): a second kind of session, asked for every device.
    for (const id of ids) await api.expect(202, 'POST', `/api/v1/telemetry/devices/${id}/poll`);
    await waitFor('a CLI poll of every device', async () => {
      const states = await Promise.all(ids.map((id) => platform.api.get<{ poll: { lastSuccessAt: string | null } }>(`/telemetry/devices/${id}`)));
      return states.every((state) => state.poll.lastSuccessAt !== null) ? true : undefined;
    }, 30_000);

    const baseline = personas.scriptsOf((labDeviceOf.get('plain-r0') as LabInventoryDevice).name);
    expect(baseline.length, 'a backup session and a telemetry session').toBeGreaterThanOrEqual(2);
    for (const name of NEUTRALISED_NAMES) {
      const target = labDeviceOf.get(name) as LabInventoryDevice;
      expect(personas.scriptsOf(target.name), `the sessions of ${JSON.stringify(name)}`).toEqual(baseline);
      const secrets = personas.inputOf(target.name).secrets;
      expect(secrets, `secrets typed on ${JSON.stringify(name)}`).toEqual(secrets.map(() => target.enableSecret));
    }
    expect(existsSync(join(WORKSPACE, 'pwned')) || existsSync(join(platform.dataDir, 'pwned'))).toBe(false);
  });

  it('keeps every archive file inside configs/ under a safe name, and no name forges a line of a commit', async () => {
    const gitdir = join(platform.dataDir, 'configs.git');
    const files = await git.listFiles({ fs, gitdir, ref: 'HEAD' });
    expect(files).toHaveLength(NEUTRALISED_NAMES.length + 1);
    expect(files.filter((file) => !/^configs\/[A-Za-z0-9._-]+\.cfg$/.test(file))).toEqual([]);
    const objects = await readAllObjects(gitdir);
    const unsafe = objects.filter((object) => object.type === 'tree').flatMap((tree) => treeEntryNames(tree.content)).filter((name) => !/^[A-Za-z0-9._-]+$/.test(name) || name === '.' || name === '..');
    expect(unsafe).toEqual([]);
    for (const commit of objects.filter((object) => object.type === 'commit')) {
      const header = commit.content.toString('utf8').split('\n\n')[0]?.split('\n') ?? [];
      expect(header.filter((line) => /^(tree|author|committer) /.test(line)).map((line) => line.split(' ')[0])).toEqual(['tree', 'author', 'committer']);
    }
    const devices = (await api.expect<{ results: DeviceView[] }>(200, 'GET', '/api/v1/devices?limit=1000')).results;
    for (const name of NEUTRALISED_NAMES) {
      const stored = devices.find((candidate) => candidate.name === name);
      expect(stored, name).toBeDefined();
      const latest = await api.expect<{ content: string }>(200, 'GET', `/api/v1/devices/${stored?.id}/configs/latest`);
      expect(latest.content).toMatch(/^hostname /m);
    }
  });

  it('exports formula-like names as text a spreadsheet will not run', async () => {
    const csv = (await api.call('GET', '/api/v1/devices/export?format=csv')).text;
    const cells = (parse(csv, { columns: false }) as string[][]).flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    for (const name of ['=1+2', '@SUM(A1)', '+cmd|calc', '-rf']) expect(cells).toContain(`'${name}`);
  });

  it('keeps the log one JSON object per line whatever a token name, a path or a request id header carries', async () => {
    const forged = '{"level":60,"msg":"FORGED"}';
    // A name may not break a line; one that only looks like a log record is taken, and stays inside its field.
    await api.expect(400, 'POST', '/api/v1/tokens', { body: { name: `ci\r\n${forged}\n`, role: 'viewer' } });
    const token = await api.expect<{ token: string }>(201, 'POST', '/api/v1/tokens', { body: { name: `ci ${forged}`, role: 'viewer' } });
    expect((await api.call('GET', '/api/v1/devices', { token: token.token })).status).toBe(200);
    expect((await api.call('POST', '/api/v1/devices', { token: token.token, body: device({}) })).status).toBe(403);
    expect((await api.call('GET', `/api/v1/devices/%0d%0a${encodeURIComponent(forged)}`)).status).toBe(404);
    const echoed = await fetch(`${platform.api.baseUrl}/healthz`, { headers: { 'x-request-id': 'FORGED' } });
    expect(echoed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const lines = platform.output.split('\n').filter((line) => line !== '');
    const records: { msg?: unknown }[] = [];
    const notJson: string[] = [];
    for (const line of lines) {
      try {
        const record: unknown = JSON.parse(line);
        if (typeof record === 'object' && record !== null && !Array.isArray(record)) records.push(record);
        else notJson.push(line);
      } catch {
        notJson.push(line);
      }
    }
    expect(notJson, 'lines of the platform output that are not one JSON object').toEqual([]);
    expect(records.filter((record) => record.msg === 'FORGED')).toEqual([]);
    expect(lines.some((line) => line.includes('FORGED')), 'the forged text reached the log, inside a field').toBe(true);
  });
});
