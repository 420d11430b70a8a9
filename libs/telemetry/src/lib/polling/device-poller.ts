import type { DeviceConnectionDto, PollSource, TelemetrySourceSetting } from '@netkeep/contracts';
import { Clock, DatabaseHostKeyStore } from '@netkeep/core';
import { DEFAULT_TIMEOUTS, DeviceSession, type DeviceTarget, type HostKeyStore, type PhaseTimeouts } from '@netkeep/ssh';
import { Inject, Injectable } from '@nestjs/common';
import { pollDeviceByCli } from '../cli/cli-device-poll';
import { CLI_TELEMETRY_PLATFORMS, interfaceCommandFor } from '../cli/interface-commands';
import type { DeviceSample } from '../device-sample';
import { pollDeviceBySnmp } from '../snmp/snmp-device-poll';
import type { SnmpPrivProtocol, SnmpSettings } from '../snmp/snmp-settings';
import { TELEMETRY_CONFIG } from '../telemetry.constants';
import type { TelemetryConfig } from '../telemetry.config';
import { PollError } from './poll-errors';

/** The inventory's privacy protocol names as net-snmp knows them; AES-192 it does not implement. */
const PRIV_PROTOCOLS: Readonly<Record<string, SnmpPrivProtocol>> = { des: 'des', aes: 'aes', aes256: 'aes256b' };

/**
 * The boundary around the devices: one poll of one device over SNMP or, without SNMP, over
 * the CLI with libs/ssh, bounded by a deadline however the device behaves.
 */
@Injectable()
export class DevicePoller {
  constructor(
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
    // The record backups check too: a key the poller saw first binds the backups, and the other way round.
    @Inject(DatabaseHostKeyStore) private readonly hostKeys: HostKeyStore,
    private readonly clock: Clock,
  ) {}

  /** How the device will be read, or why it cannot be. */
  sourceFor(connection: DeviceConnectionDto, setting: TelemetrySourceSetting): PollSource {
    if (setting === 'snmp' || (setting === 'auto' && connection.snmp)) {
      if (!connection.snmp) throw new PollError('settings', `${connection.name} is set to be polled over SNMP, but the inventory has no SNMP settings for it`);
      return 'snmp';
    }
    if (!interfaceCommandFor(connection.platform)) {
      throw new PollError(
        'unsupported',
        `${connection.name} has no SNMP settings in the inventory, and platform ${connection.platform} has no CLI interface counters yet (supported: ${CLI_TELEMETRY_PLATFORMS.join(', ')}): add SNMP settings to the device`,
      );
    }
    if (!connection.username) throw new PollError('settings', `${connection.name} has no SNMP settings and no SSH credentials in the inventory`);
    return 'cli';
  }

  async poll(connection: DeviceConnectionDto, source: PollSource, deadlineMs: number): Promise<DeviceSample> {
    const clock = () => this.clock.now();
    if (source === 'snmp') return pollDeviceBySnmp(this.snmpSettings(connection), { deadlineMs, clock });
    return this.pollByCli(connection, deadlineMs, clock);
  }

  snmpSettings(connection: DeviceConnectionDto): SnmpSettings {
    const snmp = connection.snmp;
    if (!snmp) throw new PollError('settings', `${connection.name} has no SNMP settings in the inventory`);
    const common = { host: connection.host, port: snmp.port, timeoutMs: this.config.snmpTimeoutMs, retries: this.config.snmpRetries };
    if (snmp.version === '2c') return { ...common, version: '2c', community: snmp.community };
    const privProtocol = snmp.privProtocol === undefined ? undefined : PRIV_PROTOCOLS[snmp.privProtocol];
    if (snmp.privProtocol !== undefined && privProtocol === undefined) {
      throw new PollError('settings', `${connection.name}: SNMPv3 privacy protocol ${snmp.privProtocol} is not supported by the poller (use des, aes or aes256)`);
    }
    return {
      ...common,
      version: '3',
      user: snmp.username,
      ...(snmp.authProtocol === undefined ? {} : { authProtocol: snmp.authProtocol }),
      ...(snmp.authKey === undefined ? {} : { authKey: snmp.authKey }),
      ...(privProtocol === undefined ? {} : { privProtocol }),
      ...(snmp.privKey === undefined ? {} : { privKey: snmp.privKey }),
    };
  }

  private async pollByCli(connection: DeviceConnectionDto, deadlineMs: number, clock: () => Date): Promise<DeviceSample> {
    const target: DeviceTarget = {
      name: connection.name,
      host: connection.host,
      port: connection.port,
      platform: connection.platform,
      username: connection.username ?? '',
      ...(connection.password === null ? {} : { password: connection.password }),
      ...(connection.privateKey === null ? {} : { privateKey: connection.privateKey }),
      ...(connection.enableSecret === null ? {} : { enableSecret: connection.enableSecret }),
    };
    // No phase may outlast the poll.
    const timeouts = Object.fromEntries(Object.entries(DEFAULT_TIMEOUTS).map(([phase, ms]) => [phase, Math.min(ms, deadlineMs)])) as unknown as PhaseTimeouts;
    let session: DeviceSession | undefined;
    let expired = false;
    const work = (async () => {
      session = await DeviceSession.open(target, { timeouts, hostKeys: this.hostKeys });
      if (expired) {
        await session.close();
        throw new PollError('timeout', 'deadline passed while the session opened');
      }
      try {
        return await pollDeviceByCli(session, { clock });
      } finally {
        await session.close();
      }
    })();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        expired = true;
        void session?.close();
        reject(new PollError('timeout', `${connection.name}: the CLI poll did not finish within its ${deadlineMs} ms deadline`));
      }, deadlineMs);
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
      // The losing side settles later, on its own bounded timeouts; nobody waits for it.
      work.catch(() => undefined);
    }
  }
}
