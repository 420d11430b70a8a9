import type { Selectable } from 'kysely';

type Timestamp = string;

export interface BackupRunsTable {
  id: string;
  trigger: string;
  policy_id: string | null;
  /** JSON: the selector or `{ deviceIds }` the run was started with. */
  selector: string;
  requested_by: string | null;
  /** Commit author for the run's versions (the user a syslog message named). */
  author: string | null;
  total: number;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface BackupResultsTable {
  run_id: string;
  device_id: string;
  device_name: string;
  status: string;
  phase: string | null;
  error: string | null;
  attempts: number;
  version_id: string | null;
  changed: number | null;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface BackupPoliciesTable {
  id: string;
  name: string;
  /** lower(name): unique on both engines. */
  name_key: string;
  cron: string;
  timezone: string;
  selector: string;
  enabled: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BackupDeviceStatusTable {
  device_id: string;
  device_name: string;
  last_outcome: string | null;
  last_attempt_at: Timestamp | null;
  last_success_at: Timestamp | null;
  last_change_at: Timestamp | null;
  last_error_phase: string | null;
  last_error_message: string | null;
  last_error_at: Timestamp | null;
  last_error_run_id: string | null;
  last_run_id: string | null;
  latest_version_id: string | null;
  crypto_profile: string | null;
}

export interface BackupWebhooksTable {
  id: string;
  url: string;
  secret_sealed: string;
  /** JSON array of event names. */
  events: string;
  enabled: number;
  description: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BackupRunsTables {
  backup_runs: BackupRunsTable;
  backup_results: BackupResultsTable;
  backup_policies: BackupPoliciesTable;
  backup_device_status: BackupDeviceStatusTable;
  backup_webhooks: BackupWebhooksTable;
}

export type BackupRunRow = Selectable<BackupRunsTable>;
export type BackupResultRow = Selectable<BackupResultsTable>;
export type BackupPolicyRow = Selectable<BackupPoliciesTable>;
export type BackupDeviceStatusRow = Selectable<BackupDeviceStatusTable>;
export type BackupWebhookRow = Selectable<BackupWebhooksTable>;
