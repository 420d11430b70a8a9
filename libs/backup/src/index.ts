// archive
export {
  ConfigArchive,
  type ArchiveLogger,
  type ConfigArchiveOptions,
  type ConfigDiff,
  type DiffOptions,
  type SectionConfigDiff,
  type UnifiedConfigDiff,
  type VersionContent,
} from './lib/archive/config-archive';
export type {
  ArchivedDevice,
  ConfigAuthor,
  ConfigVersion,
  Page,
  RemoveRequest,
  StoreRequest,
  StoreResult,
  StoreTrigger,
  VersionRef,
} from './lib/archive/config-version';
export { ArchiveBranchLockedError, ArchiveHeadMovedError } from './lib/archive/archive.errors';
export type { ReconcileReport } from './lib/archive/index-reconciler';
export type { PushOutcome, RemotePushOptions, RemoteTarget } from './lib/archive/remote-push';
export { deviceFileStem } from './lib/archive/device-file-name';
export { formatCommitMessage, parseCommitMessage, type CommitFacts } from './lib/archive/commit-message';
export type { BackupTables } from './lib/archive/backup.tables';
export { backupMigrations } from './lib/backup.migrations';

// noise
export { DEFAULT_NOISE_RULES } from './lib/noise/default-noise-rules';
export { NoiseFilter, applyDropRules, significantText } from './lib/noise/noise-filter';
export { NOISE_ACTIONS, NOISE_PATTERN_MAX_LENGTH, validateNoiseRule, type NoiseAction, type NoiseRule } from './lib/noise/noise-rule';
export { NoiseRulesRepository, type StoredNoiseRule } from './lib/noise/noise-rules.repository';

// diff
export { unifiedDiff, UNIFIED_CONTEXT_LINES, type UnifiedDiff } from './lib/diff/unified-diff';
export { diffSections, summariseSectionChanges, type SectionChange, type SectionDiffOptions } from './lib/diff/section-diff';
export type { ConfigSection, SectionSyntax } from './lib/diff/sections/config-section';
export { SECTION_SYNTAXES, sectionSyntaxFor } from './lib/diff/sections/section-syntaxes';

// search
export {
  DEFAULT_SEARCH_LIMITS,
  searchConfigurations,
  type SearchDocument,
  type SearchDocumentSource,
  type SearchLimits,
  type SearchMatch,
  type SearchOptions,
  type SearchResult,
} from './lib/search/config-search';
export { SearchTimeoutError } from './lib/search/search-errors';
export { SEARCH_PATTERN_MAX_LENGTH, validateSearchPattern } from './lib/search/search-pattern';

// the backup domain: module, settings, runs, jobs, syslog, webhooks
export { BackupModule, createBackupDomain, type BackupModuleOptions } from './lib/backup.module';
export { BACKUP_CONFIG_VARIABLES, BACKUP_ROLES, loadBackupSettings, type BackupRole, type BackupSettings } from './lib/backup.config';
export { ARCHIVE_QUEUE, BACKUP_QUEUE, BACKUP_SETTINGS, SCHEDULES_QUEUE, TRIGGERS_QUEUE, WEBHOOKS_QUEUE } from './lib/backup.constants';
export { backupRunsMigrations, DEFAULT_POLICY } from './lib/backup-runs.migrations';
export { BackupRunsService, type RunRequest } from './lib/runs/backup-runs.service';
export { configChangeIn, CONFIG_CHANGE_MESSAGES, type ConfigChangeNotice } from './lib/syslog/config-change-messages';
export { parseSyslog, type SyslogMessage } from './lib/syslog/syslog-message';
export { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhookBody, verifyWebhookSignature } from './lib/webhooks/webhook-signature';
