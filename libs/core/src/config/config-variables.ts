/** One environment variable netkeep reads: the README quotes this table. */
export interface ConfigVariable {
  name: string;
  default: string;
  meaning: string;
}

export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  { name: 'NETKEEP_HOST', default: '127.0.0.1 (embedded), 0.0.0.0 (service)', meaning: 'Address the HTTP server binds to.' },
  { name: 'PORT', default: '3000', meaning: 'HTTP port (0 picks a free one).' },
  { name: 'NETKEEP_DATA_DIR', default: './.netkeep', meaning: 'Directory for the SQLite database, the generated secret key and the admin-token file.' },
  {
    name: 'DATABASE_URL',
    default: 'sqlite:<NETKEEP_DATA_DIR>/netkeep.db (embedded); required in service mode',
    meaning: 'sqlite:<path>, sqlite::memory: or postgres://user:password@host:5432/database.',
  },
  { name: 'REDIS_URL', default: 'redis://127.0.0.1:6379', meaning: 'Redis for queues and readiness (redis:// or rediss://).' },
  { name: 'NETKEEP_REDIS_PREFIX', default: 'netkeep:', meaning: 'Prefix of every Redis key and queue netkeep owns.' },
  {
    name: 'NETKEEP_SECRET_KEY',
    default: 'embedded: generated once into <NETKEEP_DATA_DIR>/secret-key; required in service mode',
    meaning: '32-byte key (base64 or hex) encrypting credentials at rest with AES-256-GCM. Generate with `openssl rand -base64 32`.',
  },
  {
    name: 'NETKEEP_ADMIN_TOKEN',
    default: 'unset (embedded: generated once into <NETKEEP_DATA_DIR>/admin-token)',
    meaning: 'First admin API token (at least 24 characters); stored hashed at start-up.',
  },
  {
    name: 'NETKEEP_SERVICE_TOKEN',
    default: 'embedded: generated in memory; required in service mode',
    meaning: 'Token netkeep services present to each other for internal endpoints (at least 24 characters). No user token has this role.',
  },
  {
    name: 'NETKEEP_INVENTORY_URL',
    default: 'http://127.0.0.1:<PORT>',
    meaning: 'Cluster mode: the inventory service the backup and telemetry services call with the service token.',
  },
  { name: 'NETKEEP_LOG_LEVEL', default: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent.' },
  { name: 'NETKEEP_BODY_LIMIT_MB', default: '5', meaning: 'Largest accepted request body, in megabytes.' },
  {
    name: 'NETKEEP_WEB_DIR',
    default: 'embedded: the built console next to the bundle or in dist/apps/web; unset in service mode (no console)',
    meaning: 'Directory of the built web console (its index.html), served at / with every non-API path falling back to it.',
  },
];
