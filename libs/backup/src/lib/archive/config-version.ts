/** Who a version is attributed to: the operator a syslog message named, or netkeep itself. */
export interface ConfigAuthor {
  name: string;
  email?: string | null;
}

/** Why a configuration was fetched; the known triggers, or anything a caller names. */
export type StoreTrigger = 'schedule' | 'manual' | 'syslog' | (string & {});

/** One archived configuration of one device: a commit, as the index describes it. */
export interface ConfigVersion {
  id: string;
  deviceId: string;
  deviceName: string;
  platform: string;
  /** 1 for the device's first version, then 2, 3 … */
  revision: number;
  commit: string;
  /** SHA-256 of the stored text. */
  contentHash: string;
  /** SHA-256 of the text without ignored lines: equal hashes mean no change. */
  significantHash: string;
  author: { name: string; email: string | null };
  trigger: string;
  runId: string | null;
  /** ISO-8601 UTC, whole seconds (the commit's time). */
  createdAt: string;
  lineCount: number;
  /** `interface Gi0/1: description changed; …`, or how the first version began. */
  summary: string | null;
}

export interface StoreRequest {
  deviceId: string;
  deviceName: string;
  /** Platform name or alias; chooses the noise rules and the section syntax. */
  platform: string;
  /** The configuration as fetched, secrets already masked upstream. */
  content: string;
  trigger: StoreTrigger;
  runId?: string | null;
  author?: ConfigAuthor | null;
  at?: Date;
}

export interface StoreResult {
  /** True when this store committed the version (or a retry of the run that did). */
  changed: boolean;
  version: ConfigVersion;
}

export interface RemoveRequest {
  trigger?: StoreTrigger;
  runId?: string | null;
  author?: ConfigAuthor | null;
  at?: Date;
}

/** A device the archive holds, from the index. */
export interface ArchivedDevice {
  deviceId: string;
  deviceName: string;
  platform: string;
  /** `configs/<name>.cfg` in the repository. */
  filePath: string;
  latestVersionId: string;
  /** How many versions the device has. */
  revision: number;
  commit: string;
  changedAt: string;
  /** The last store, whether it changed anything or not. */
  checkedAt: string;
  removedAt: string | null;
}

export interface Page<T> {
  count: number;
  results: T[];
}

/** A version by id, by commit (40 hex digits), by revision number, or `latest`. */
export type VersionRef = string;
