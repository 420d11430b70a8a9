import { collectDefaultMetrics, Registry } from 'prom-client';
import { METRIC_PREFIX } from './metrics.constants';

/** A registry per app, with the process metrics (CPU, memory, event loop, GC) as `netkeep_*`. */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  return registry;
}
