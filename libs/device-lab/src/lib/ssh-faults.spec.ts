import { createHash } from 'node:crypto';
import { connect as connectTcp } from 'node:net';
import { Client, type AuthenticationType, type ConnectConfig } from 'ssh2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeviceLab } from './device-lab';
import { PROMPT_LIKE_LINES } from './fault-texts';
import { ChannelTranscript, connectTo } from './testing/lab-ssh-client';
import { tinyPersona } from './testing/tiny-persona';

const DEVICE = 'lab-ios-0001';
const PROMPT = /lab-ios-0001>$/;

describe('faults seen at SSH level', () => {
  let lab: DeviceLab;
  const clients: Client[] = [];
  const connect = async (overrides: Partial<ConnectConfig> = {}, prepare?: (client: Client) => void) => {
    const client = await connectTo(lab, DEVICE, overrides, (unready) => {
      clients.push(unready);
      prepare?.(unready);
    });
    return client;
  };
  const faultWith = (...faults: Parameters<DeviceLab['fleet']['setFaults']>[1]) => lab.fleet.setFaults(DEVICE, faults);

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 1, personaFor: () => tinyPersona });
  });
  afterEach(() => {
    clients.splice(0).forEach((client) => client.end());
    faultWith();
  });
  afterAll(() => lab.stop());

  it('refuses wrong credentials like a real server: method list, no partial success', async () => {
    const refusals: [AuthenticationType[] | null, boolean | null][] = [];
    const attempt = connect({
      password: 'wrong',
      authHandler: (methodsLeft, partialSuccess, next) => {
        refusals.push([methodsLeft, partialSuccess]);
        if (refusals.length === 1) next({ type: 'password', username: 'netkeep', password: 'wrong' });
        // ssh2 ends authentication on `false`; its typings do not list it.
        else next(false as unknown as AuthenticationType);
      },
    });
    await expect(attempt).rejects.toThrow(/authentication methods failed/);
    expect(refusals[1]).toEqual([['password'], false]);
  });

  it('auth-fail rejects the inventory credentials until the fault is cleared', async () => {
    faultWith('auth-fail');
    await expect(connect()).rejects.toThrow(/authentication methods failed/);
    faultWith();
    await expect(connect()).resolves.toBeInstanceOf(Client);
  });

  it('keyboard-interactive-only refuses passwords and accepts the same password as a keyboard answer', async () => {
    faultWith('keyboard-interactive-only');
    await expect(connect()).rejects.toThrow(/authentication methods failed/);
    const { password } = lab.fleet.device(DEVICE).credentials;
    const client = await connect({ tryKeyboard: true }, (unready) =>
      unready.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) =>
        finish(prompts[0]?.prompt === 'Password: ' ? [password] : []),
      ),
    );
    const shell = await ChannelTranscript.shell(client);
    await shell.waitFor(PROMPT);
  });

  it('banner-prompt-text puts prompt-like lines in the SSH banner and the MOTD, yet the device works', async () => {
    faultWith('banner-prompt-text');
    let banner = '';
    const client = await connect({}, (unready) => unready.on('banner', (message) => (banner = message)));
    for (const line of PROMPT_LIKE_LINES) expect(banner).toContain(`${line}\r\n`);
    const shell = await ChannelTranscript.shell(client);
    const motd = await shell.waitFor(PROMPT);
    for (const line of PROMPT_LIKE_LINES) expect(motd).toContain(`\r\n${line}\r\n`);
    expect(await shell.command('show version', PROMPT)).toContain('Tiny OS');
  });

  it('legacy-cbc fails with modern algorithms and negotiates CBC with hmac-sha1 when allowed', async () => {
    faultWith('legacy-cbc');
    await expect(connect()).rejects.toThrow(/no matching/i);
    let negotiated: unknown;
    await connect({ algorithms: { cipher: ['aes128-cbc'], hmac: ['hmac-sha1'] } }, (unready) =>
      unready.on('handshake', (algorithms) => (negotiated = algorithms)),
    );
    expect(negotiated).toMatchObject({ cs: { cipher: 'aes128-cbc', mac: 'hmac-sha1' } });
  });

  it('legacy-dh looks like an old Cisco and needs SHA-1 Diffie-Hellman, CBC and ssh-rsa', async () => {
    faultWith('legacy-dh');
    expect(await serverIdent(lab)).toBe('SSH-2.0-Cisco-1.25');
    await expect(connect({ algorithms: { cipher: ['aes128-cbc'], hmac: ['hmac-sha1'] } })).rejects.toThrow(/no matching/i);
    for (const kex of ['diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1'] as const) {
      let negotiated: unknown;
      await connect(
        { algorithms: { kex: [kex], cipher: ['3des-cbc'], hmac: ['hmac-sha1'], serverHostKey: ['ssh-rsa'] } },
        (unready) => unready.on('handshake', (algorithms) => (negotiated = algorithms)),
      );
      expect(negotiated).toMatchObject({ kex, serverHostKey: 'ssh-rsa', cs: { cipher: '3des-cbc' } });
    }
  });

  it('rotating the host key changes what a client verifies, and the lab reports its fingerprint', async () => {
    const seen: Buffer[] = [];
    const verify = { hostVerifier: (key: Buffer) => seen.push(key) > 0 };
    await connect(verify);
    const before = await lab.fleet.hostKeyFingerprint(DEVICE);
    lab.fleet.rotateHostKey(DEVICE);
    await connect(verify);
    const after = await lab.fleet.hostKeyFingerprint(DEVICE);
    expect(seen[0].equals(seen[1])).toBe(false);
    expect(after).not.toBe(before);
    expect(after).toBe(`SHA256:${createHashBase64(seen[1])}`);
  });
});

function createHashBase64(blob: Buffer): string {
  return createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
}

/** The identification line a server sends first, read over plain TCP. */
function serverIdent(lab: DeviceLab): Promise<string> {
  const device = lab.fleet.device(DEVICE);
  return new Promise((resolve, reject) => {
    const socket = connectTcp({ host: device.identity.address, port: device.port });
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (!received.includes('\r\n')) return;
      socket.destroy();
      resolve(received.split('\r\n')[0]);
    });
    socket.on('error', reject);
  });
}
