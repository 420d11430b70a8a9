import type { DeviceSession } from '@netkeep/ssh';
import type { DeviceSample } from '../device-sample';
import { interfaceCommandFor, CLI_TELEMETRY_PLATFORMS } from './interface-commands';

/** What a CLI poll needs of a session: libs/ssh's DeviceSession, or anything shaped like it. */
export type CliSession = Pick<DeviceSession, 'run' | 'getFacts' | 'platform' | 'target'>;

/** No interface command for this platform (yet). */
export class CliTelemetryUnsupportedError extends Error {
  override name = 'CliTelemetryUnsupportedError';
}

export interface CliPollOptions {
  /** The poller's clock for `takenAt`; default the system clock. */
  clock?: () => Date;
}

/**
 * One poll of a device without SNMP, over an open CLI session: the facts commands for
 * uptime and identity, then the platform's interface command, parsed into the same
 * DeviceSample an SNMP poll gives. Rates from it use the poller's clock (the CLI has no
 * fine-grained device clock), and its uptime only to spot reboots.
 */
export async function pollDeviceByCli(session: CliSession, options: CliPollOptions = {}): Promise<DeviceSample> {
  const platform = session.platform.name;
  const interfaces = interfaceCommandFor(platform);
  if (!interfaces) {
    throw new CliTelemetryUnsupportedError(
      `${session.target.name}: no CLI interface counters for platform ${platform} yet (supported: ${CLI_TELEMETRY_PLATFORMS.join(', ')}); poll it over SNMP`,
    );
  }
  const facts = await session.getFacts();
  const output = await session.run(interfaces.command);
  const takenAt = (options.clock ?? (() => new Date()))();
  return {
    source: 'cli',
    takenAt,
    sysUpTimeHundredths: Math.round((facts.uptimeSeconds ?? 0) * 100),
    sysName: facts.hostname ?? session.target.name,
    sysDescr: [facts.vendor, facts.model, facts.osVersion].filter(Boolean).join(' '),
    interfaces: interfaces.parse(output),
  };
}
