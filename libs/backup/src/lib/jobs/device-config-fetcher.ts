import type { DeviceConnectionDto } from '@netkeep/contracts';
import {
  DeviceSession,
  KeyExchangeError,
  type CryptoProfileName,
  type DeviceFacts,
  type DeviceTarget,
  type HostKeyStore,
  type PhaseTimeouts,
} from '@netkeep/ssh';
import { DeviceNotBackupableError, EmptyConfigurationError } from './backup-failure';

export interface FetchedConfiguration {
  content: string;
  /** Absent when the device's facts could not be read (the configuration is kept anyway). */
  facts?: DeviceFacts;
  cryptoProfile: CryptoProfileName;
}

export interface FetchOptions {
  /** The profile the device needed last time; if it no longer negotiates, every profile is tried again. */
  cryptoProfile?: CryptoProfileName | null;
  /** Read model, serial and OS version too. */
  facts: boolean;
}

export interface DeviceConfigFetcherOptions {
  timeouts: PhaseTimeouts;
  maskSecrets: boolean;
  /** Trust on first use; a changed key fails the backup. */
  hostKeys: HostKeyStore;
}

/** The SSH boundary of a backup: one session per call, always closed. */
export class DeviceConfigFetcher {
  constructor(private readonly options: DeviceConfigFetcherOptions) {}

  async fetch(connection: DeviceConnectionDto, options: FetchOptions): Promise<FetchedConfiguration> {
    const target = toTarget(connection);
    const session = await this.open(target, options.cryptoProfile ?? undefined);
    try {
      const content = await session.getConfig({ maskSecrets: this.options.maskSecrets });
      if (content.trim() === '') throw new EmptyConfigurationError(`${connection.name} returned an empty configuration`);
      let facts: DeviceFacts | undefined;
      if (options.facts) {
        try {
          facts = await session.getFacts();
        } catch {
          // Facts are a bonus of the session; the configuration is what the backup is for.
        }
      }
      return { content, facts, cryptoProfile: session.cryptoProfile };
    } finally {
      await session.close();
    }
  }

  private async open(target: DeviceTarget, pinned: CryptoProfileName | undefined): Promise<DeviceSession> {
    const session = { timeouts: this.options.timeouts, hostKeys: this.options.hostKeys };
    try {
      return await DeviceSession.open({ ...target, cryptoProfile: pinned }, session);
    } catch (error) {
      // Upgraded or replaced devices stop speaking the profile they needed: find the one that works now.
      if (pinned && error instanceof KeyExchangeError) return DeviceSession.open(target, session);
      throw error;
    }
  }
}

function toTarget(connection: DeviceConnectionDto): DeviceTarget {
  if (!connection.enabled) throw new DeviceNotBackupableError(`${connection.name} is disabled in the inventory`);
  if (!connection.username) throw new DeviceNotBackupableError(`${connection.name} has no credential in the inventory: assign one with a username`);
  return {
    name: connection.name,
    host: connection.host,
    port: connection.port,
    platform: connection.platform,
    username: connection.username,
    password: connection.password ?? undefined,
    privateKey: connection.privateKey ?? undefined,
    enableSecret: connection.enableSecret ?? undefined,
  };
}
