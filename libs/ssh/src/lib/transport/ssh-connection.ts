import { Client, type ConnectConfig } from 'ssh2';
import type { Duplex } from 'node:stream';
import { CRYPTO_PROFILES, type CryptoProfileName } from '../crypto-profiles';
import type { SshCredentials } from '../device-target';
import { hostKeyEntryName, hostKeyFingerprint, hostKeyFromBlob, sameHostKey } from '../host-keys/host-key';
import type { HostKeyStore } from '../host-keys/host-key-store';
import { KeyExchangeError, SessionError } from '../session-error';

export interface SshEndpoint extends SshCredentials {
  /** Name used in errors (device name, or `jump host x`). */
  name: string;
  host: string;
  port: number;
}

export interface ConnectOptions {
  profile: CryptoProfileName;
  connectMs: number;
  authMs: number;
  hostKeys?: HostKeyStore;
  acceptChangedHostKey?: boolean;
  /** An already open stream to the endpoint (through a jump host). */
  sock?: Duplex;
}

/** Opens one authenticated SSH connection with one crypto profile; every failure is a SessionError. */
export function connectSsh(endpoint: SshEndpoint, options: ConnectOptions): Promise<Client> {
  const address = `${endpoint.host}:${endpoint.port}`;
  const context = { device: endpoint.name, address };
  const client = new Client();
  let hostKeyProblem: string | undefined;
  let handshakeDone = false;

  const verifyHostKey = (blob: Buffer, verify: (valid: boolean) => void): void => {
    if (!options.hostKeys) return verify(true);
    const store = options.hostKeys;
    const entry = hostKeyEntryName(endpoint.host, endpoint.port);
    const offered = hostKeyFromBlob(blob);
    store
      .get(entry)
      // Another process sharing the store may record a key between the read and the write: the one on record wins.
      .then((known) => known ?? store.recordFirstSeen(entry, offered))
      .then(async (recorded) => {
        if (sameHostKey(recorded, offered)) return verify(true);
        if (options.acceptChangedHostKey) {
          await store.replace(entry, offered);
          return verify(true);
        }
        hostKeyProblem =
          `host key changed: known ${recorded.algorithm} ${hostKeyFingerprint(recorded)}, offered ` +
          `${offered.algorithm} ${hostKeyFingerprint(offered)}; refusing to connect until the new key is accepted`;
        await store.recordRefused?.(entry, offered).catch(() => undefined);
        verify(false);
      })
      .catch((error: Error) => {
        hostKeyProblem = `host key store unavailable: ${error.message}`;
        verify(false);
      });
  };

  const config: ConnectConfig = {
    host: endpoint.host,
    port: endpoint.port,
    sock: options.sock,
    username: endpoint.username,
    password: endpoint.password,
    privateKey: endpoint.privateKey,
    passphrase: endpoint.passphrase,
    tryKeyboard: endpoint.password !== undefined,
    algorithms: CRYPTO_PROFILES[options.profile],
    hostVerifier: verifyHostKey as unknown as ConnectConfig['hostVerifier'],
    // Phases are timed here; ssh2's own ready timeout would only blur which one hung.
    readyTimeout: options.connectMs + options.authMs + 1_000,
    keepaliveInterval: 15_000,
    keepaliveCountMax: 3,
  };

  return new Promise<Client>((resolve, reject) => {
    let settled = false;
    let timer = setTimeout(() => fail(new SessionError(`no SSH handshake within ${options.connectMs}ms`, { ...context, phase: 'connect' })), options.connectMs);

    const fail = (error: SessionError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.removeAllListeners();
      client.on('error', () => undefined);
      client.destroy();
      options.sock?.destroy();
      reject(error);
    };

    client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => {
      finish(prompts.map(() => endpoint.password ?? ''));
    });
    client.on('handshake', () => {
      handshakeDone = true;
      clearTimeout(timer);
      timer = setTimeout(() => fail(new SessionError(`no login within ${options.authMs}ms`, { ...context, phase: 'auth' })), options.authMs);
    });
    client.on('ready', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.removeAllListeners('keyboard-interactive');
      resolve(client);
    });
    client.on('error', (error: Error & { level?: string; code?: string }) => fail(classify(error)));
    client.on('close', () => fail(new SessionError(handshakeDone ? 'connection closed during login' : 'connection closed during key exchange', { ...context, phase: handshakeDone ? 'auth' : 'connect' })));

    function classify(error: Error & { level?: string; code?: string }): SessionError {
      if (hostKeyProblem) return new SessionError(hostKeyProblem, { ...context, phase: 'host-key' });
      if (/no matching/.test(error.message)) {
        return new KeyExchangeError(`${error.message.replace(/^Handshake failed: /, '')} (crypto profile ${options.profile})`, context);
      }
      if (error.level === 'client-authentication') {
        return new SessionError('credentials rejected (all authentication methods failed)', { ...context, phase: 'auth', cause: error });
      }
      if (error.code) return new SessionError(`${error.code}: ${error.message}`, { ...context, phase: 'connect', cause: error });
      return new SessionError(error.message, { ...context, phase: handshakeDone ? 'auth' : 'connect', cause: error });
    }

    try {
      client.connect(config);
    } catch (error) {
      fail(new SessionError((error as Error).message, { ...context, phase: 'auth', cause: error }));
    }
  });
}
