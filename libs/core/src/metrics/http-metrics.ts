import { Inject, Injectable } from '@nestjs/common';
import { Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics.constants';

/** Request duration by method, route pattern (`/api/v1/tokens/:id`, never the raw URL) and status. */
@Injectable()
export class HttpMetrics {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.duration = new Histogram({
      name: 'netkeep_http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  /** `route` undefined (no route matched) is recorded as `unmatched`, so scanners cannot blow up the label set. */
  observe(method: string, route: string | undefined, status: number, durationSeconds: number): void {
    this.duration.observe({ method, route: route ?? 'unmatched', status: String(status) }, durationSeconds);
  }
}
