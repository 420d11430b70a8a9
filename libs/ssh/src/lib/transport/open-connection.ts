import type { Client } from 'ssh2';
import type { Duplex } from 'node:stream';
import { CRYPTO_FALLBACK_ORDER, type CryptoProfileName } from '../crypto-profiles';
import { targetAddress, type DeviceTarget } from '../device-target';
import type { HostKeyStore } from '../host-keys/host-key-store';
import { KeyExchangeError, SessionError } from '../session-error';
import { connectSsh, type SshEndpoint } from './ssh-connection';

export interface OpenConnectionOptions {
  connectMs: number;
  authMs: number;
  hostKeys?: HostKeyStore;
  acceptChangedHostKey?: boolean;
}

export interface DeviceConnection {
  client: Client;
  /** The crypto profile the device accepted: worth pinning for its next session. */
  cryptoProfile: CryptoProfileName;
  /** Ends the connection and the jump host's, if any. */
  end(): void;
}

/**
 * Connects to a device, through its jump host if it has one, trying crypto profiles from
 * the strongest until key exchange succeeds. Only a key-exchange mismatch moves on to the
 * next profile: a wrong password or a changed host key fails at once.
 */
export async function openDeviceConnection(target: DeviceTarget, options: OpenConnectionOptions): Promise<DeviceConnection> {
  const profiles = target.cryptoProfile ? [target.cryptoProfile] : CRYPTO_FALLBACK_ORDER;
  const endpoint: SshEndpoint = { ...target, port: target.port ?? 22 };
  let lastKexError: KeyExchangeError | undefined;
  for (const profile of profiles) {
    const jump = target.jumpHost ? await openJumpHost(target, options) : undefined;
    try {
      const sock = jump ? await forwardThrough(jump, target) : undefined;
      const client = await connectSsh(endpoint, { ...options, profile, sock });
      return {
        client,
        cryptoProfile: profile,
        end: () => {
          client.end();
          jump?.end();
        },
      };
    } catch (error) {
      jump?.end();
      if (!(error instanceof KeyExchangeError)) throw error;
      lastKexError = error;
    }
  }
  throw new KeyExchangeError(`no crypto profile accepted (${profiles.join(', ')}): ${lastKexError?.message}`, {
    device: target.name,
    address: targetAddress(target),
  });
}

async function openJumpHost(target: DeviceTarget, options: OpenConnectionOptions): Promise<Client> {
  const jumpHost = target.jumpHost!;
  const endpoint: SshEndpoint = { ...jumpHost, name: `${target.name} via jump host`, port: jumpHost.port ?? 22 };
  for (const profile of CRYPTO_FALLBACK_ORDER) {
    try {
      return await connectSsh(endpoint, { ...options, profile });
    } catch (error) {
      if (!(error instanceof KeyExchangeError)) throw asDeviceError(error as SessionError, target);
    }
  }
  throw new SessionError(`jump host ${targetAddress(jumpHost)}: no crypto profile accepted`, {
    device: target.name,
    address: targetAddress(target),
    phase: 'connect',
  });
}

function forwardThrough(jump: Client, target: DeviceTarget): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    jump.forwardOut('127.0.0.1', 0, target.host, target.port ?? 22, (error, channel) => {
      if (error) {
        reject(
          new SessionError(`jump host could not reach the device: ${error.message}`, {
            device: target.name,
            address: targetAddress(target),
            phase: 'connect',
            cause: error,
          }),
        );
      } else resolve(channel);
    });
  });
}

/** A jump host failure is reported against the device, naming the jump host. */
function asDeviceError(error: SessionError, target: DeviceTarget): SessionError {
  return new SessionError(`jump host ${targetAddress(target.jumpHost!)}: ${error.message}`, {
    device: target.name,
    address: targetAddress(target),
    phase: error.phase === 'host-key' ? 'host-key' : 'connect',
    cause: error,
  });
}
