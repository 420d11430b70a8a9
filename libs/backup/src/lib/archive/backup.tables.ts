import type { Selectable } from 'kysely';

// Portable schema (core's conventions): UUID text ids, ISO-8601 UTC text timestamps.
type Timestamp = string;

/** One row per commit that changed a device's file: what listing versions reads instead of git. */
export interface ConfigVersionsTable {
  id: string;
  device_id: string;
  /** The device's name when the version was stored. */
  device_name: string;
  platform: string;
  /** 1, 2, 3 … per device, in commit order. */
  revision: number;
  commit_oid: string;
  /** `configs/<name>.cfg` inside the repository. */
  file_path: string;
  content_hash: string;
  significant_hash: string;
  author_name: string;
  author_email: string | null;
  trigger: string;
  run_id: string | null;
  /** The commit's author time (git keeps whole seconds). */
  created_at: Timestamp;
  line_count: number;
  summary: string | null;
}

/** One row per device ever archived: its latest configuration, which search reads, and its file. */
export interface ConfigLatestTable {
  device_id: string;
  device_name: string;
  platform: string;
  /** Assigned at the first store and kept, so a device's history stays in one file. */
  file_path: string;
  /** lower(file_path): file names must differ on case-insensitive file systems too. */
  file_key: string;
  version_id: string;
  revision: number;
  commit_oid: string;
  content: string;
  content_hash: string;
  significant_hash: string;
  changed_at: Timestamp;
  /** Last store for the device, changed or not: how fresh the backup is. */
  checked_at: Timestamp;
  /** Set when the device's file was removed from the archive. */
  removed_at: Timestamp | null;
}

/** A single row (`id = 'main'`): the last commit the index has recorded. */
export interface ConfigArchiveStateTable {
  id: string;
  head_commit: string;
  updated_at: Timestamp;
}

export interface ConfigNoiseRulesTable {
  id: string;
  platform: string | null;
  pattern: string;
  action: string;
  description: string | null;
  created_at: Timestamp;
}

export interface BackupTables {
  config_versions: ConfigVersionsTable;
  config_latest: ConfigLatestTable;
  config_archive_state: ConfigArchiveStateTable;
  config_noise_rules: ConfigNoiseRulesTable;
}

export type ConfigVersionRow = Selectable<ConfigVersionsTable>;
export type ConfigLatestRow = Selectable<ConfigLatestTable>;
