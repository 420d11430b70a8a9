/** Injection token of the app's own prom-client Registry (never the global default registry). */
export const METRICS_REGISTRY = Symbol('NETKEEP_METRICS_REGISTRY');

export const METRIC_PREFIX = 'netkeep_';
