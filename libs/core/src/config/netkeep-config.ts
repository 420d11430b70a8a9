export type NetkeepMode = 'embedded' | 'service';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Everything a netkeep process reads from its environment, validated and with defaults applied. */
export interface NetkeepConfig {
  mode: NetkeepMode;
  host: string;
  port: number;
  /** Absolute path. */
  dataDir: string;
  /** `sqlite:<path>`, `sqlite::memory:` or `postgres://…`. May hold a password: never log it raw. */
  databaseUrl: string;
  redisUrl: string;
  /** Prefix for every Redis key and queue this process owns. */
  redisPrefix: string;
  /** 32-byte AES-256-GCM key for secrets at rest. */
  secretKey: Buffer;
  /** Where the key came from: the environment or the embedded `<dataDir>/secret-key` file. */
  secretKeySource: 'environment' | 'file';
  adminToken?: string;
  /** Token netkeep services present to each other for internal calls. */
  serviceToken: string;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  /** Where cluster services reach the inventory service (the backup and telemetry services). */
  inventoryUrl: string;
  /** Absolute path of the built web console when NETKEEP_WEB_DIR is set; embedded mode otherwise looks for one. */
  webDir?: string;
}
