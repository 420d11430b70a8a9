import { DeviceSession, SessionError } from '@netkeep/ssh';
import type { CliIo } from './cli-io';
import { DeviceFailure } from './cli-errors';
import { resolveDeviceConnection } from './device-connection';
import type { DeviceTargetFlags } from './device-target-options';

/** Opens a session, does one piece of work, always closes; every failure comes out naming the device. */
export async function withDeviceSession<T>(
  host: string,
  flags: DeviceTargetFlags,
  io: CliIo,
  work: (session: DeviceSession) => Promise<T>,
): Promise<T> {
  const { target, options } = await resolveDeviceConnection(host, flags, io);
  const address = `${host.includes(':') ? `[${host}]` : host}:${flags.port}`;
  const named = (error: unknown) => (error instanceof SessionError ? error : new DeviceFailure(target.name, address, error));
  const session = await DeviceSession.open(target, options).catch((error: unknown) => {
    throw named(error);
  });
  try {
    return await work(session).catch((error: unknown) => {
      throw named(error);
    });
  } finally {
    // The work is done or has failed already; a device that drops the line on logout changes neither.
    await session.close().catch(() => undefined);
  }
}
