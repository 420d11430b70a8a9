import { DeviceLab } from '@netkeep/device-lab';
import { startOpenSshServer, type OpenSshServer } from '@netkeep/testing';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostKeyFingerprint } from '../host-keys/host-key';
import { MemoryHostKeyStore } from '../host-keys/host-key-store';
import { DeviceSession } from './device-session';

/** Real OpenSSH: the linux platform on a real shell, key authentication, and sshd as a jump host. */

let sshd: OpenSshServer;
let lab: DeviceLab;

beforeAll(async () => {
  [sshd, lab] = await Promise.all([startOpenSshServer(), DeviceLab.start({ devices: 1, platforms: ['cisco_ios'], addressing: 'ports', port: 0 })]);
});
afterAll(async () => {
  await Promise.all([sshd?.stop(), lab?.stop()]);
});

const linuxTarget = () => ({
  name: 'openssh-host',
  host: sshd.host,
  port: sshd.port,
  platform: 'linux',
  username: sshd.username,
  privateKey: sshd.privateKey,
});

describe('linux platform on a real OpenSSH server', () => {
  it('logs in with a key, reads the prompt of a real shell and runs commands', async () => {
    const session = await DeviceSession.open(linuxTarget());
    expect(await session.run('uname -s')).toBe('Linux');
    expect(await session.run('echo $((6 * 7))')).toBe('42');
    await session.close();
  });

  it('fetches the configuration files and facts of the machine', async () => {
    const session = await DeviceSession.open(linuxTarget());
    const config = await session.getConfig();
    const facts = await session.getFacts();
    await session.close();
    expect(config).toContain('127.0.0.1');
    expect(config).toMatch(/^default via|^\S+ dev /m);
    expect(facts.hostname).toBe(hostname());
    expect(facts.uptimeSeconds).toBeGreaterThan(0);
    expect(facts.osVersion).toMatch(/Debian|Ubuntu|Linux/);
  });

  it('records the real host key on first use, under the fingerprint ssh-keygen prints', async () => {
    const hostKeys = new MemoryHostKeyStore();
    await (await DeviceSession.open(linuxTarget(), { hostKeys })).close();
    const recorded = await hostKeys.get(`[${sshd.host}]:${sshd.port}`);
    expect(recorded && hostKeyFingerprint(recorded)).toBe(sshd.hostKeyFingerprint);
  });

  it('names the auth phase when the key is not authorised', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const stranger = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expect(DeviceSession.open({ ...linuxTarget(), privateKey: stranger })).rejects.toMatchObject({ phase: 'auth', device: 'openssh-host' });
  });
});

describe('jump host', () => {
  it('reaches a lab device through sshd port forwarding', async () => {
    const device = lab.inventory().devices[0];
    const session = await DeviceSession.open({
      ...device,
      jumpHost: { host: sshd.host, port: sshd.port, username: sshd.username, privateKey: sshd.privateKey },
    });
    expect(await session.getConfig()).toContain(`hostname ${device.name}`);
    await session.close();
    expect(lab.fleet.openSessions()).toBeLessThanOrEqual(1);
  });

  it('says the jump host failed, against the device, when the jump host refuses the login', async () => {
    const device = lab.inventory().devices[0];
    const error = await DeviceSession.open({
      ...device,
      jumpHost: { host: sshd.host, port: sshd.port, username: 'nobody-here', privateKey: sshd.privateKey },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ device: device.name, phase: 'connect' });
    expect((error as Error).message).toMatch(/^jump host 127\.0\.0\.1:\d+: credentials rejected/);
  });
});
