import { INVENTORY_PORT, type InventoryPort } from '@netkeep/contracts';
import { CONFIG, LOGGER, QueueConnections, type NetkeepConfig, type NetkeepLogger } from '@netkeep/core';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { isIP } from 'node:net';
import { BACKUP_SETTINGS, TRIGGERS_QUEUE } from '../backup.constants';
import type { BackupSettings } from '../backup.config';
import { BackupRunsService } from '../runs/backup-runs.service';
import { configChangeIn, type ConfigChangeNotice } from './config-change-messages';
import { parseSyslog } from './syslog-message';

export interface SyslogTriggerJob {
  deviceId: string;
  deviceName: string;
  author: string | null;
  /** The message name and where it came from, for the run's `requestedBy`. */
  reason: string;
}

const MAX_DATAGRAM_BYTES = 8_192;

/**
 * The syslog listener (UDP, NETKEEP_SYSLOG_PORT): a configuration-change message from a known
 * device queues a one-device backup, debounced per device (a burst of commits is one backup,
 * taken when the burst has been quiet for NETKEEP_SYSLOG_DEBOUNCE_MS), with the user the
 * message names as the version's author.
 */
@Injectable()
export class SyslogListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private socket?: Socket;
  private readonly triggers: Queue<SyslogTriggerJob>;
  /** Port actually bound (NETKEEP_SYSLOG_PORT may be ephemeral in tests). */
  port?: number;

  constructor(
    private readonly connections: QueueConnections,
    private readonly runs: BackupRunsService,
    @Inject(BACKUP_SETTINGS) private readonly settings: BackupSettings,
    @Inject(INVENTORY_PORT) private readonly inventory: InventoryPort,
    @Inject(CONFIG) private readonly config: NetkeepConfig,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
  ) {
    this.triggers = connections.queue<SyslogTriggerJob>(TRIGGERS_QUEUE);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.connections.worker<SyslogTriggerJob, string>(TRIGGERS_QUEUE, (job) => this.startBackup(job), { concurrency: 4 });
    if (this.settings.syslogPort === 0) return;
    const host = this.settings.syslogHost ?? this.config.host;
    this.port = await this.listen(host, this.settings.syslogPort);
    this.logger.info({ host, port: this.port }, `syslog listener on udp://${host}:${this.port}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    if (socket) await new Promise<void>((resolve) => socket.close(() => resolve()));
  }

  /** Handles one datagram; resolves once any backup it asks for is queued (tests await it). */
  async receive(datagram: Buffer | string, source: Pick<RemoteInfo, 'address'>): Promise<'queued' | 'ignored' | 'unknown-device'> {
    const message = parseSyslog(typeof datagram === 'string' ? datagram : datagram.subarray(0, MAX_DATAGRAM_BYTES).toString('utf8'));
    const change = configChangeIn(message);
    if (!change) return 'ignored';
    const device = await this.inventory.findBySyslogSource(source.address, message.hostname);
    if (!device) {
      this.logger.info({ source: source.address, hostname: message.hostname, message: change.message }, `configuration change from ${message.hostname ?? source.address}, which is no known device`);
      return 'unknown-device';
    }
    if (!device.enabled) return 'ignored';
    await this.queueBackup(device.id, device.name, change, source.address);
    return 'queued';
  }

  private async queueBackup(deviceId: string, deviceName: string, change: ConfigChangeNotice, source: string): Promise<void> {
    const debounceMs = this.settings.syslogDebounceMs;
    await this.triggers.add(
      'syslog',
      { deviceId, deviceName, author: change.author ?? null, reason: `syslog ${change.message} from ${source}` },
      {
        delay: debounceMs,
        // Another change within the window replaces this job (latest author) and restarts the wait.
        deduplication: { id: `syslog.${deviceId}`, ...(debounceMs > 0 ? { ttl: debounceMs, extend: true, replace: true } : {}) },
        removeOnComplete: { count: 1_000 },
        removeOnFail: { count: 1_000 },
      },
    );
    this.logger.info({ deviceId, device: deviceName, author: change.author, message: change.message }, `${change.message} from ${deviceName}: backup in ${debounceMs} ms`);
  }

  private async startBackup(job: Job<SyslogTriggerJob>): Promise<string> {
    const { deviceId, deviceName, author, reason } = job.data;
    try {
      const run = await this.runs.start({ deviceIds: [deviceId], trigger: 'syslog', author, requestedBy: reason });
      return run.id;
    } catch (error) {
      // Disabled or deleted since the message: nothing to back up.
      this.logger.warn({ deviceId, device: deviceName, err: error }, `syslog backup of ${deviceName} not started: ${(error as Error).message}`);
      return 'not-started';
    }
  }

  private listen(host: string, port: number): Promise<number> {
    const socket = createSocket({ type: isIP(host) === 6 ? 'udp6' : 'udp4', reuseAddr: false });
    return new Promise((resolve, reject) => {
      socket.once('error', (error: NodeJS.ErrnoException) => {
        const hint = error.code === 'EACCES' ? ' (ports below 1024 need privileges: use e.g. 5514 and forward 514 to it)' : '';
        reject(new Error(`NETKEEP_SYSLOG_PORT ${port}: cannot listen on udp://${host}:${port}: ${error.message}${hint}`));
      });
      socket.on('message', (datagram, remote) => {
        this.receive(datagram, remote).catch((error: Error) => this.logger.warn({ err: error, source: remote.address }, `syslog message not handled: ${error.message}`));
      });
      socket.bind(port, host, () => {
        socket.removeAllListeners('error');
        socket.on('error', (error) => this.logger.warn({ err: error }, `syslog listener: ${error.message}`));
        this.socket = socket;
        resolve(socket.address().port);
      });
    });
  }
}
