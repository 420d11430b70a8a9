/** Injection token of the process's ioredis client (lazy: it connects on first use). */
export const REDIS = Symbol('NETKEEP_REDIS');
