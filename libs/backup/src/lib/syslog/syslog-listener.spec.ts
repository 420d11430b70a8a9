import type { BackupRunPageDto, ConfigVersionPageDto } from '@netkeep/contracts';
import { DeviceLab } from '@netkeep/device-lab';
import { LabInventoryPort } from '@netkeep/testing';
import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackupTestApp, waitFor, type BackupTestApp } from '../testing/backup-test-app';

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(resolve));
  return port;
}

async function sendSyslog(port: number, ...datagrams: string[]): Promise<void> {
  const socket = createSocket('udp4');
  for (const datagram of datagrams) await new Promise<void>((resolve, reject) => socket.send(datagram, port, '127.0.0.1', (error) => (error ? reject(error) : resolve())));
  socket.close();
}

describe('the syslog listener', () => {
  let lab: DeviceLab;
  let inventory: LabInventoryPort;
  let app: BackupTestApp;
  let port: number;
  const versionsOf = async (name: string) =>
    (await app.request<ConfigVersionPageDto>('GET', `/api/v1/devices/${inventory.idOf(name)}/configs`, { token: app.operatorToken })).body;
  const syslogRuns = async () => (await app.request<BackupRunPageDto>('GET', '/api/v1/backups?trigger=syslog', { token: app.operatorToken })).body;

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 3, addressing: 'ports', port: 0, platforms: ['cisco_ios', 'juniper_junos', 'cisco_nxos'] });
    inventory = new LabInventoryPort(lab.inventory().devices);
    port = await freeUdpPort();
    app = await startBackupTestApp({ inventory, settings: { syslogPort: port, syslogHost: '127.0.0.1', syslogDebounceMs: 300 } });
    await app.waitForRun((await app.startRun({ selector: {} })).id);
  });
  afterAll(async () => {
    await app?.close();
    await lab?.stop();
  });

  it('backs a device up within seconds of its configuration-change message, with the user the message names as the author', async () => {
    const name = lab.fleet.list()[0]!.identity.name;
    lab.fleet.changeConfig(name, { addLines: ['logging host 192.0.2.50'], by: 'alice' });
    const sentAt = Date.now();
    await sendSyslog(port, `<189>Nov 27 10:00:00 ${name} 45: %SYS-5-CONFIG_I: Configured from console by alice on vty0 (10.0.0.5)`);
    const latest = await waitFor('the new version', async () => {
      const versions = await versionsOf(name);
      return versions.count === 2 && versions.results[0];
    }, 10_000);
    expect(Date.now() - sentAt).toBeLessThan(5_000);
    expect(latest).toMatchObject({ trigger: 'syslog', author: { name: 'alice' }, revision: 2 });
    const runs = await syslogRuns();
    expect(runs.results[0]).toMatchObject({ trigger: 'syslog', status: 'finished', requestedBy: expect.stringContaining('%SYS-5-CONFIG_I'), progress: { total: 1, succeeded: 1 } });
  });

  it('makes one backup of a burst of commits, attributed to the last user', async () => {
    const name = lab.fleet.list()[1]!.identity.name;
    const before = (await syslogRuns()).count;
    lab.fleet.changeConfig(name, { addLines: ['set system host-name mx-renamed'], by: 'carol' });
    const commit = (user: string) => `<189>Nov 27 10:00:00 ${name} mgd[4321]: UI_COMMIT: User '${user}' requested 'commit' operation (comment: none)`;
    await sendSyslog(port, commit('bob'), commit('bob'), commit('carol'));
    const latest = await waitFor('the new version', async () => {
      const versions = await versionsOf(name);
      return versions.count === 2 && versions.results[0];
    }, 10_000);
    expect(latest.author.name).toBe('carol');
    expect((await syslogRuns()).count).toBe(before + 1);
  });

  it('ignores other messages and unknown devices', async () => {
    const before = (await syslogRuns()).count;
    await sendSyslog(port, '<189>Nov 27 10:00:00 nobody %SYS-5-CONFIG_I: Configured from console by mallory on vty0', `<189>Nov 27 10:00:00 ${lab.fleet.list()[2]!.identity.name} %LINK-3-UPDOWN: Interface Gi0/1, changed state to up`);
    await waitFor('the log line about the unknown device', () => app.logs.text().includes('which is no known device'), 5_000);
    expect((await syslogRuns()).count).toBe(before);
  });
});
