import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils } from 'ssh2';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from './cli-errors';
import { resolveDeviceConnection, timeoutsFor } from './device-connection';
import type { DeviceTargetFlags } from './device-target-options';

const keyDir = mkdtempSync(join(tmpdir(), 'netkeep-cli-keys-'));
afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

function keyFile(name: string, passphrase?: string): { path: string; key: string } {
  const key = utils.generateKeyPairSync('ed25519', passphrase ? { passphrase, cipher: 'aes256-ctr', rounds: 4 } : {}).private;
  const path = join(keyDir, name);
  writeFileSync(path, key, { mode: 0o600 });
  return { path, key };
}

const flags: DeviceTargetFlags = {
  platform: 'ios',
  port: 2222,
  username: 'admin',
  knownHosts: join(keyDir, 'known_hosts'),
  acceptNewHostKey: false,
};

describe('resolveDeviceConnection', () => {
  it('builds the target from flags and environment, named after the host by default', async () => {
    const env = { NETKEEP_SSH_PASSWORD: 'pw', NETKEEP_ENABLE_SECRET: 'en' };

    const { target, options } = await resolveDeviceConnection('127.20.0.1', flags, { env });

    expect(target).toMatchObject({ name: '127.20.0.1', host: '127.20.0.1', port: 2222, platform: 'ios', username: 'admin' });
    expect(target).toMatchObject({ password: 'pw', enableSecret: 'en' });
    expect(target.privateKey).toBeUndefined();
    expect(options.acceptChangedHostKey).toBe(false);
    expect(options.hostKeys).toBeDefined();
    expect(options.timeouts).toBeUndefined();
  });

  it('logs in with a key and its passphrase from the environment', async () => {
    const { path, key } = keyFile('encrypted', 'open sesame');

    const { target } = await resolveDeviceConnection(
      'r1',
      { ...flags, key: path },
      { env: { NETKEEP_SSH_KEY_PASSPHRASE: 'open sesame' } },
    );

    expect(target).toMatchObject({ privateKey: key, passphrase: 'open sesame', password: undefined });
  });

  it('says which variable is missing for an encrypted key', async () => {
    const { path } = keyFile('locked', 'open sesame');

    const resolving = resolveDeviceConnection('r1', { ...flags, key: path }, { env: {} });

    await expect(resolving).rejects.toThrow(UsageError);
    await expect(resolving).rejects.toThrow(`key ${path} is encrypted: set NETKEEP_SSH_KEY_PASSPHRASE`);
  });

  it('lets the jump host use the device key and login by default', async () => {
    const { path, key } = keyFile('plain');
    const jump = { host: '127.0.0.1', port: 2200 };

    const { target } = await resolveDeviceConnection('10.0.0.1', { ...flags, key: path, jump }, { env: {} });

    expect(target.jumpHost).toEqual({ host: '127.0.0.1', port: 2200, username: 'admin', privateKey: key, passphrase: undefined, password: undefined });
  });

  it('gives the jump host its own password from NETKEEP_JUMP_PASSWORD', async () => {
    const jump = { username: 'ops', host: 'bastion', port: 22 };
    const env = { NETKEEP_SSH_PASSWORD: 'device-pw', NETKEEP_JUMP_PASSWORD: 'jump-pw' };

    const { target } = await resolveDeviceConnection('10.0.0.1', { ...flags, jump }, { env });

    expect(target.jumpHost).toMatchObject({ username: 'ops', host: 'bastion', password: 'jump-pw' });
    expect(target.password).toBe('device-pw');
  });

  it('refuses a jump host it has no credentials for', async () => {
    const jump = { host: 'bastion', port: 22 };

    const resolving = resolveDeviceConnection('10.0.0.1', { ...flags, jump }, { env: { NETKEEP_SSH_PASSWORD: 'pw' } });

    await expect(resolving).rejects.toThrow('jump host bastion: no credentials: pass --key or set NETKEEP_JUMP_PASSWORD');
  });

  it('scales every phase timeout with --timeout', async () => {
    const { options } = await resolveDeviceConnection('r1', { ...flags, timeout: 20 }, { env: { NETKEEP_SSH_PASSWORD: 'pw' } });

    expect(options.timeouts).toEqual(timeoutsFor(20));
  });
});

describe('timeoutsFor', () => {
  it('makes the connect timeout the given seconds and keeps the others in proportion', () => {
    const defaults = timeoutsFor(10);
    const doubled = timeoutsFor(20);

    expect(doubled.connectMs).toBe(20_000);
    for (const phase of Object.keys(defaults) as (keyof typeof defaults)[]) expect(doubled[phase]).toBe(defaults[phase] * 2);
  });
});
