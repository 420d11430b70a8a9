import type { BackupFailurePhase } from '@netkeep/contracts';
import type { CryptoProfileName } from '@netkeep/ssh';

/** A device job: everything a worker needs besides the connection, which it asks the inventory for. */
export interface DeviceBackupJob {
  runId: string;
  deviceId: string;
  deviceName: string;
  site: string | null;
  trigger: string;
  /** Commit author for the version (a syslog message's user). */
  author: string | null;
  /** Read model, serial and OS version too (the inventory's are missing or stale). */
  collectFacts?: boolean;
  /** The profile the device needed last time. */
  cryptoProfile: CryptoProfileName | null;
  /** How often the job was put back because its device or site was busy. */
  deferrals?: number;
}

interface OutcomeBase {
  runId: string;
  deviceId: string;
  deviceName: string;
  trigger: string;
  attempts: number;
  startedAt: string;
  finishedAt: string;
}

/** A fetched configuration for the archive. */
export interface StoreOutcome extends OutcomeBase {
  kind: 'store';
  platform: string;
  content: string;
  author: string | null;
  cryptoProfile: CryptoProfileName;
}

/** A device job that gave up. */
export interface FailureOutcome extends OutcomeBase {
  kind: 'failure';
  phase: BackupFailurePhase;
  error: string;
}

export type BackupOutcome = StoreOutcome | FailureOutcome;

/** Job ids from run and device: adding a job twice (a retry, a supervisor's re-add) never makes two. BullMQ ids may not hold ':'. */
export const deviceJobId = (runId: string, deviceId: string): string => `fetch.${runId}.${deviceId}`;
export const outcomeJobId = (runId: string, deviceId: string): string => `outcome.${runId}.${deviceId}`;
