import type { BackupFailurePhase } from '@netkeep/contracts';
import { NotFoundError } from '@netkeep/core';
import { CommandFailedError, KeyExchangeError, SessionError, UnknownPlatformError } from '@netkeep/ssh';

/** A device job failure, worded for the device's status: where, why, and whether trying again can help. */
export interface BackupFailure {
  phase: BackupFailurePhase;
  message: string;
  /** Auth, host key, a rejected command, a device the inventory cannot serve: a retry would fail the same way. */
  permanent: boolean;
}

/** Raised by the worker around the session: the inventory cannot give a usable connection. */
export class DeviceNotBackupableError extends Error {
  override readonly name = 'DeviceNotBackupableError';
}

/** The inventory could not be asked (down, timing out): worth another try. */
export class InventoryUnavailableError extends Error {
  override readonly name = 'InventoryUnavailableError';
}

/** The device answered with nothing where a configuration should be. */
export class EmptyConfigurationError extends Error {
  override readonly name = 'EmptyConfigurationError';
}

export function classifyFailure(error: unknown): BackupFailure {
  if (error instanceof KeyExchangeError) return { phase: 'connect', message: error.message, permanent: true };
  if (error instanceof CommandFailedError) return { phase: 'command', message: error.message, permanent: true };
  if (error instanceof SessionError) {
    return { phase: error.phase, message: error.message, permanent: error.phase === 'auth' || error.phase === 'host-key' };
  }
  if (error instanceof InventoryUnavailableError) return { phase: 'inventory', message: error.message, permanent: false };
  if (error instanceof EmptyConfigurationError) return { phase: 'command', message: error.message, permanent: false };
  if (error instanceof DeviceNotBackupableError || error instanceof NotFoundError || error instanceof UnknownPlatformError) {
    return { phase: 'inventory', message: (error as Error).message, permanent: true };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { phase: 'internal', message, permanent: false };
}
