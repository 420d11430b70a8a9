import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { dirname } from 'node:path';
import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import { afterEach, describe, expect, it } from 'vitest';
import { startOpenSshServer, type OpenSshServer } from './openssh-server';

interface Login {
  client: Client;
  /** `SHA256:…` of the host key the client was shown, in ssh-keygen's notation. */
  seenFingerprint: string;
}

function login(server: OpenSshServer, via?: ClientChannel): Promise<Login> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    let seenFingerprint = '';
    const config: ConnectConfig = {
      username: server.username,
      privateKey: server.privateKey,
      readyTimeout: 10_000,
      hostVerifier: (key: Buffer) => {
        seenFingerprint = `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
        return true;
      },
      ...(via ? { sock: via } : { host: server.host, port: server.port }),
    };
    client.once('ready', () => resolve({ client, seenFingerprint })).once('error', reject).connect(config);
  });
}

function exec(client: Client, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    client.exec(command, (error, channel) => {
      if (error) return reject(error);
      let stdout = '';
      channel.on('data', (data: Buffer) => (stdout += data.toString('utf8')));
      channel.stderr.resume();
      channel.once('close', () => resolve(stdout));
    });
  });
}

function forwardTo(client: Client, server: OpenSshServer): Promise<ClientChannel> {
  return new Promise((resolve, reject) =>
    client.forwardOut('127.0.0.1', 0, server.host, server.port, (error, channel) => (error ? reject(error) : resolve(channel))),
  );
}

function isPortOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host, port });
    socket.once('connect', () => resolve(!socket.destroy()));
    socket.once('error', () => resolve(false));
  });
}

describe('startOpenSshServer', () => {
  const servers: OpenSshServer[] = [];
  const clients: Client[] = [];
  const start = async (options?: Parameters<typeof startOpenSshServer>[0]) => {
    const server = await startOpenSshServer(options);
    servers.push(server);
    return server;
  };
  const open = async (server: OpenSshServer, via?: ClientChannel) => {
    const session = await login(server, via);
    clients.push(session.client);
    return session;
  };

  afterEach(async () => {
    clients.splice(0).forEach((client) => client.end());
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  it('lets the generated key run a command and shows the host key it reports', async () => {
    const server = await start();
    const { client, seenFingerprint } = await open(server);

    expect(await exec(client, 'echo hi')).toBe('hi\n');
    expect(seenFingerprint).toBe(server.hostKeyFingerprint);
    expect(server.hostPublicKey).toMatch(/^ssh-ed25519 AAAA\S+ /);
    expect(server.privateKey).toContain('BEGIN OPENSSH PRIVATE KEY');
    expect(server.logs()).toContain(`Accepted publickey for ${server.username}`);
  });

  it('closes the port and removes its files when stopped', async () => {
    const server = await start();
    const { client } = await open(server);
    await exec(client, 'true');

    await server.stop();

    expect(await isPortOpen(server.host, server.port)).toBe(false);
    expect(existsSync(dirname(server.privateKeyPath))).toBe(false);
    await server.stop();
  });

  it('runs two servers at once, each with its own port and host key', async () => {
    const [first, second] = await Promise.all([start(), start()]);

    expect(first.port).not.toBe(second.port);
    expect(first.hostKeyFingerprint).not.toBe(second.hostKeyFingerprint);
    const [a, b] = await Promise.all([open(first), open(second)]);
    expect(a.seenFingerprint).toBe(first.hostKeyFingerprint);
    expect(b.seenFingerprint).toBe(second.hostKeyFingerprint);
    expect(await exec(b.client, 'echo second')).toBe('second\n');
  });

  it('tunnels to another server, as a jump host does', async () => {
    const [jumpHost, target] = await Promise.all([start(), start()]);
    const jump = await open(jumpHost);

    const { client, seenFingerprint } = await open(target, await forwardTo(jump.client, target));

    expect(seenFingerprint).toBe(target.hostKeyFingerprint);
    expect(await exec(client, 'echo through')).toBe('through\n');
  });

  it('refuses tunnels when TCP forwarding is off', async () => {
    const [jumpHost, target] = await Promise.all([start({ allowTcpForwarding: false }), start()]);
    const jump = await open(jumpHost);

    await expect(forwardTo(jump.client, target)).rejects.toThrow(/open failed/);
    // sshd may print its reason just after the refusal reaches the client.
    await expect.poll(() => jumpHost.logs()).toMatch(/refused local port forward/);
  });

  it('names the port in the error when the requested port is taken', async () => {
    const taken = await start();

    await expect(start({ port: taken.port, readyTimeoutMs: 5_000 })).rejects.toThrow(/Address already in use/);
  });

  describe('inside a network namespace', () => {
    const netns = `netkeep-test-${process.pid}`;
    const canCreateNamespaces = process.getuid?.() === 0 && existsSync('/usr/sbin/ip');

    it.skipIf(!canCreateNamespaces)('listens in the namespace, where a later multi-host test reaches it', async () => {
      execFileSync('ip', ['netns', 'add', netns]);
      try {
        execFileSync('ip', ['netns', 'exec', netns, 'ip', 'link', 'set', 'lo', 'up']);
        const server = await start({ netns });

        const listening = execFileSync('ip', ['netns', 'exec', netns, 'ss', '-Htln'], { encoding: 'utf8' });
        expect(listening).toContain(`${server.host}:${server.port}`);
        await server.stop();
      } finally {
        execFileSync('ip', ['netns', 'del', netns]);
      }
    });
  });
});
