import type { TelemetryDeviceListDto, TelemetryDeviceStateDto } from '@netkeep/contracts';
import { QueueConnections, startTestApp, type TestApp } from '@netkeep/core';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabInventoryPort, startLabProcess, type LabInventoryRecord, type LabProcess } from '@netkeep/testing';
import { percentile, waitFor } from '../testing/spec-helpers';
import { PollQueue } from './polling/poll-queue';
import { TelemetryStateStore } from './state/telemetry-state.store';
import { createTelemetryDomain } from './telemetry.module';

const DEVICES = 200;
const INTERVAL_SECONDS = 2;
/** Polls every healthy device must have made before the gaps are measured. */
const POLLS = 6;
const SLOW_DELAY_MS = 100;

/**
 * The fleet test: 200 lab devices polled every 2 s, one in ten silent (a dead agent) and
 * one in ten answering every request 100 ms late. Healthy devices keep their interval;
 * the dead ones report timeouts and hold nothing up.
 */
describe('a fleet of 200 lab devices, some dead and some slow', () => {
  let lab: LabProcess;
  let app: TestApp;
  let port: LabInventoryPort;
  let viewer: string;
  const dead: LabInventoryRecord[] = [];
  const slow: LabInventoryRecord[] = [];
  const healthy: LabInventoryRecord[] = [];

  beforeAll(async () => {
    // The lab in its own process, as in production the devices are not the poller's CPU.
    lab = await startLabProcess(['--devices', String(DEVICES), '--platforms', 'cisco_ios,arista_eos,juniper_junos', '--addressing', 'ports', '--port', '0', '--snmp-port', '0']);
    for (const [index, device] of lab.devices.entries()) {
      if (index % 10 === 3) {
        await lab.setSnmp(device.name, { silent: true });
        dead.push(device);
      } else if (index % 10 === 7) {
        await lab.setSnmp(device.name, { delayMs: SLOW_DELAY_MS });
        slow.push(device);
      } else {
        healthy.push(device);
      }
    }
    port = new LabInventoryPort(lab.devices);
    app = await startTestApp({
      env: { NETKEEP_LOG_LEVEL: 'info' },
      domains: [
        createTelemetryDomain({
          inventory: { useValue: port },
          config: { intervalSeconds: INTERVAL_SECONDS, historySeconds: 60, syncSeconds: 3600, snmpTimeoutMs: 500, snmpRetries: 1, concurrency: 50 },
        }),
      ],
    });
    viewer = await app.tokenFor('viewer');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    const redis = new Redis('redis://127.0.0.1:6379');
    const leftovers = app ? await redis.keys(`${app.config.redisPrefix}*`) : [];
    if (leftovers.length > 0) await redis.unlink(...leftovers);
    redis.disconnect();
    await lab?.stop();
  });

  const list = async (): Promise<TelemetryDeviceListDto> => (await app.request<TelemetryDeviceListDto>('GET', '/api/v1/telemetry/devices', { token: viewer })).body;
  const state = async (device: LabInventoryRecord): Promise<TelemetryDeviceStateDto> =>
    (await app.request<TelemetryDeviceStateDto>('GET', `/api/v1/telemetry/devices/${port.idOf(device.name)}`, { token: viewer })).body;
  /** Poll times of a device, from its first interface's history (one point per poll). */
  const pollTimes = async (device: LabInventoryRecord): Promise<number[]> => {
    const current = await state(device);
    const first = current.interfaces[0];
    if (!first) return [];
    const path = `/api/v1/telemetry/devices/${port.idOf(device.name)}/interfaces/${encodeURIComponent(first.name)}/history`;
    const history = await app.request('GET', path, { token: viewer });
    if (history.status !== 200) throw new Error(`${path}: ${history.status} ${JSON.stringify(history.body)}`);
    return (history.body.points as { at: string }[]).map((point) => Date.parse(point.at));
  };

  it('keeps every healthy device on its 2 s interval while dead devices time out and slow ones answer late', async () => {
    await waitFor(async () => (await app.app.get(PollQueue).schedules()).size === DEVICES, 'the fleet to be scheduled', 20_000);
    const started = Date.now();
    const loop = performance.eventLoopUtilization();
    // Straight from the store the API reads: the wait must not load the pollers it measures.
    const store = app.app.get(TelemetryStateStore);
    const healthyIds = healthy.map((device) => port.idOf(device.name));
    await waitFor(async () => {
      const statuses = await store.pollStatuses(healthyIds);
      return healthyIds.every((id) => (statuses.get(id)?.polls ?? 0) >= POLLS);
    }, `${POLLS} polls of every healthy device`, 40_000, 1_000);
    // The record is what is measured: stop polling, so reading it costs the pollers nothing.
    await app.app.get(QueueConnections).closeWorkers();

    const polledMs = Date.now() - started;
    const utilisation = performance.eventLoopUtilization(loop).utilization;
    const gaps: number[] = [];
    const devices: { device: string; medianMs: number; gapsMs: number[] }[] = [];
    for (const device of healthy) {
      const times = await pollTimes(device);
      const own = times.slice(1).map((time, index) => time - times[index]);
      expect(own.length, `${device.name} poll times`).toBeGreaterThanOrEqual(POLLS - 1);
      gaps.push(...own);
      devices.push({ device: device.name, medianMs: percentile(own, 0.5), gapsMs: own });
    }
    devices.sort((a, b) => Math.abs(b.medianMs - INTERVAL_SECONDS * 1000) - Math.abs(a.medianMs - INTERVAL_SECONDS * 1000));
    const summary = {
      polledMs, eventLoopUtilisation: Number(utilisation.toFixed(2)), gaps: gaps.length,
      p50Ms: percentile(gaps, 0.5), p95Ms: percentile(gaps, 0.95), maxMs: Math.max(...gaps), furthestFromInterval: devices.slice(0, 2),
    };
    console.log(`fleet of ${DEVICES}, ${INTERVAL_SECONDS} s interval, healthy inter-poll gaps: ${JSON.stringify(summary)}`);
    const intervalMs = INTERVAL_SECONDS * 1000;
    // The fleet's healthy gaps: 95% within 1.5 intervals. Each healthy device: its median gap within a quarter
    // interval of the interval (a device held up behind dead ones would drift), and no double polls.
    expect(summary.p95Ms).toBeLessThanOrEqual(intervalMs * 1.5);
    for (const { device, medianMs } of devices) expect(Math.abs(medianMs - intervalMs), `${device} median gap ${medianMs} ms`).toBeLessThanOrEqual(intervalMs * 0.25);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(intervalMs * 0.5);

    const { results } = await list();
    const status = (device: LabInventoryRecord) => results.find((each) => each.id === port.idOf(device.name))?.poll;
    for (const device of dead) {
      expect(status(device), device.name).toMatchObject({ up: false, lastError: { kind: 'timeout' }, source: 'snmp' });
      expect(status(device)?.consecutiveFailures, device.name).toBeGreaterThanOrEqual(2);
      // A dead device holds a worker slot for its SNMP budget (500 ms × 2 attempts), never past the poll's 1.8 s deadline.
      expect(status(device)?.durationMs, device.name).toBeLessThan(1_900);
    }
    for (const device of slow) {
      const { polls = 0, errors = 0, durationMs = 0 } = status(device) ?? {};
      // Slow but alive: polled on time like the others, and (a deadline missed under load aside) answering.
      expect(polls, device.name).toBeGreaterThanOrEqual(POLLS - 1);
      expect(errors, device.name).toBeLessThanOrEqual(polls / 2);
      expect(durationMs, device.name).toBeGreaterThanOrEqual(SLOW_DELAY_MS * 2);
    }
  }, 90_000);
});
