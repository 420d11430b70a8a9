import { METRICS_REGISTRY } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type BackupOutcomeLabel = 'success' | 'unchanged' | 'failed';

/**
 * The backup domain's Prometheus metrics on the app's registry. Label values are bounded:
 * triggers and outcomes are fixed sets; `device` is an inventory device name.
 */
@Injectable()
export class BackupMetrics {
  private readonly runs: Counter<'trigger'>;
  private readonly results: Counter<'outcome'>;
  private readonly duration: Histogram<'outcome'>;
  private readonly lastSuccess: Gauge<'device'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.runs = new Counter({ name: 'netkeep_backup_runs_total', help: 'Backup runs started, by trigger (manual, schedule, syslog)', labelNames: ['trigger'], registers: [registry] });
    this.results = new Counter({
      name: 'netkeep_backup_results_total',
      help: 'Device backups finished, by outcome: success (a new version), unchanged, failed',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'netkeep_backup_duration_seconds',
      help: 'Duration of a device backup attempt from session start to fetched configuration (or failure), by outcome',
      labelNames: ['outcome'],
      buckets: [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300],
      registers: [registry],
    });
    this.lastSuccess = new Gauge({
      name: 'netkeep_backup_last_success_timestamp_seconds',
      help: 'Unix time of the last successful backup of each device',
      labelNames: ['device'],
      registers: [registry],
    });
  }

  runStarted(trigger: string): void {
    this.runs.inc({ trigger });
  }

  deviceFinished(outcome: BackupOutcomeLabel, device: string, startedAt: string, finishedAt: string): void {
    this.results.inc({ outcome });
    const seconds = (Date.parse(finishedAt) - Date.parse(startedAt)) / 1000;
    if (Number.isFinite(seconds) && seconds >= 0) this.duration.observe({ outcome }, seconds);
    if (outcome !== 'failed') this.lastSuccess.set({ device }, Math.floor(Date.parse(finishedAt) / 1000));
  }
}
