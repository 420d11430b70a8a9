import type { DeviceTarget } from '../device-target';
import { DeviceSession, type SessionOptions } from '../session/device-session';
import { SessionError } from '../session-error';

export type DeviceResult<T> =
  | { device: string; ok: true; value: T; durationMs: number; cryptoProfile: DeviceSession['cryptoProfile'] }
  | { device: string; ok: false; error: SessionError; durationMs: number };

export interface FleetRunOptions<T> {
  /** Sessions open at once. */
  concurrency: number;
  session?: SessionOptions;
  /** Called as each device finishes, for progress reporting. */
  onResult?: (result: DeviceResult<T>) => void;
  signal?: AbortSignal;
}

/**
 * Runs one task per device with at most `concurrency` sessions open, and reports a
 * result per device: one device failing (or hanging until its timeout) never stops the
 * others. Results come back in the order of `targets`.
 */
export async function runOnDevices<T>(
  targets: readonly DeviceTarget[],
  task: (session: DeviceSession) => Promise<T>,
  options: FleetRunOptions<T>,
): Promise<DeviceResult<T>[]> {
  const results: DeviceResult<T>[] = new Array(targets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length && !options.signal?.aborted) {
      const index = next++;
      const result = await runOne(targets[index], task, options.session);
      results[index] = result;
      options.onResult?.(result);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, targets.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results.filter((result) => result !== undefined);
}

async function runOne<T>(target: DeviceTarget, task: (session: DeviceSession) => Promise<T>, sessionOptions?: SessionOptions): Promise<DeviceResult<T>> {
  const started = performance.now();
  let session: DeviceSession | undefined;
  try {
    session = await DeviceSession.open(target, sessionOptions);
    const value = await task(session);
    return { device: target.name, ok: true, value, durationMs: performance.now() - started, cryptoProfile: session.cryptoProfile };
  } catch (error) {
    const sessionError =
      error instanceof SessionError
        ? error
        : new SessionError((error as Error).message, { device: target.name, address: `${target.host}:${target.port ?? 22}`, phase: 'command', cause: error });
    return { device: target.name, ok: false, error: sessionError, durationMs: performance.now() - started };
  } finally {
    await session?.close();
  }
}
