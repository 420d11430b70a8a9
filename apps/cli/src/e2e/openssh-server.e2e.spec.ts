import { startOpenSshServer, type OpenSshServer } from '@netkeep/testing';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNetkeep } from './netkeep-process';

describe('netkeep against a real OpenSSH server', () => {
  let server: OpenSshServer;
  let workDir: string;

  beforeAll(async () => {
    server = await startOpenSshServer();
    workDir = await mkdtemp(join(tmpdir(), 'netkeep-cli-openssh-'));
  });

  afterAll(async () => {
    await server?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  const show = (knownHosts: string, ...extra: string[]) =>
    runNetkeep([
      'show',
      server.host,
      ...['--port', String(server.port), '--platform', 'linux', '--username', server.username],
      ...['--key', server.privateKeyPath, '--known-hosts', knownHosts, '--name', 'openssh-1', ...extra],
      'uname -s',
    ]);
  const knownHostsLine = (key: string) => `[${server.host}]:${server.port} ${key.split(' ').slice(0, 2).join(' ')}\n`;

  it('runs a command with key auth and records the host key on first use', async () => {
    const knownHosts = join(workDir, 'first-use');

    const result = await show(knownHosts);

    expect(result).toMatchObject({ exitCode: 0, stdout: 'Linux\n', stderr: '' });
    expect(await readFile(knownHosts, 'utf8')).toBe(knownHostsLine(server.hostPublicKey));
  });

  it('refuses a changed host key, naming the host-key phase, and accepts it when told to', async () => {
    const knownHosts = join(workDir, 'changed');
    const otherKey = utils.generateKeyPairSync('ed25519').public;
    await writeFile(knownHosts, knownHostsLine(otherKey));

    const refused = await show(knownHosts);

    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderrLines).toHaveLength(1);
    expect(refused.stderr).toMatch(new RegExp(`^netkeep: openssh-1 \\(${server.host}:${server.port}\\): host-key failed: `));

    const accepted = await show(knownHosts, '--accept-new-host-key');

    expect(accepted).toMatchObject({ exitCode: 0, stdout: 'Linux\n' });
    expect(await readFile(knownHosts, 'utf8')).toBe(knownHostsLine(server.hostPublicKey));
  });
});
