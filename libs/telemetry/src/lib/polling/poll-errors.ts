import type { PollErrorKind } from '@netkeep/contracts';
import { NotFoundError } from '@netkeep/core';
import { SessionError } from '@netkeep/ssh';
import { CliTelemetryUnsupportedError } from '../cli/cli-device-poll';
import { SnmpAuthError, SnmpSettingsError, SnmpTimeoutError } from '../snmp/snmp-errors';

/** A poll failed for a reason of its own kind (settings, support, deadline); the message says what to fix. */
export class PollError extends Error {
  override name = 'PollError';

  constructor(
    readonly kind: PollErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Inventory failures are the inventory's: they say nothing about the device. */
export class InventoryUnavailableError extends PollError {
  override name = 'InventoryUnavailableError';
}

/** The kind of a poll failure, for the API and the `reason` label of netkeep_poll_errors_total. */
export function pollErrorKind(error: unknown): PollErrorKind {
  if (error instanceof PollError) return error.kind;
  if (error instanceof SnmpTimeoutError) return 'timeout';
  if (error instanceof SnmpAuthError) return 'auth';
  if (error instanceof SnmpSettingsError) return 'settings';
  if (error instanceof CliTelemetryUnsupportedError) return 'unsupported';
  if (error instanceof NotFoundError) return 'inventory';
  if (error instanceof SessionError) {
    if (error.phase === 'auth') return 'auth';
    if (error.phase === 'connect' || error.phase === 'host-key' || error.phase === 'closed') return 'connection';
    return /\bwithin\b/.test(error.message) ? 'timeout' : 'other';
  }
  return 'other';
}

/** Failures that may come from stale connection details: the next poll asks the inventory again. */
export const invalidatesConnection = (kind: PollErrorKind): boolean => kind === 'auth' || kind === 'settings' || kind === 'connection' || kind === 'inventory';
