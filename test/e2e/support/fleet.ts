import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LabProcess } from '@netkeep/testing';
import { waitFor, type Api } from './platform-process';

export interface RunView {
  id: string;
  status: 'running' | 'finished';
  progress: { total: number; queued: number; running: number; succeeded: number; unchanged: number; failed: number };
  results?: { deviceId: string; deviceName: string; status: string; error?: string; versionId?: string; changed?: boolean }[];
}

export interface DeviceView {
  id: string;
  name: string;
  platform: string;
}

export interface VersionView {
  id: string;
  revision: number;
  commit: string;
}

/** The body `POST /devices/import?format=lab` takes: the lab's inventory file. */
export function labInventory(lab: LabProcess): string {
  return JSON.stringify({ generatedAt: new Date().toISOString(), lab: { control: lab.control }, devices: lab.devices });
}

export async function listDevices(api: Api): Promise<DeviceView[]> {
  const devices: DeviceView[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await api.get<{ count: number; results: DeviceView[] }>(`/devices?limit=1000&offset=${offset}`);
    devices.push(...page.results);
    if (page.results.length < 1000) return devices;
  }
}

export function waitForRun(api: Api, runId: string, timeoutMs = 120_000): Promise<RunView> {
  return waitFor(
    `backup run ${runId} to finish`,
    async () => {
      const run = await api.get<RunView>(`/backups/${runId}`);
      return run.status === 'finished' ? run : undefined;
    },
    timeoutMs,
    250,
  );
}

/** Changes a lab device's configuration through the lab's control API. */
export async function changeLabConfig(lab: LabProcess, device: string, addLines: string[], by = 'alice'): Promise<void> {
  const response = await fetch(`${lab.control}/devices/${encodeURIComponent(device)}/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ addLines, by }),
  });
  if (!response.ok) throw new Error(`lab control answered ${response.status}: ${await response.text()}`);
}

export interface Delivery {
  headers: IncomingHttpHeaders;
  raw: Buffer;
}

/** A webhook receiver: a real HTTP server on loopback that keeps every delivery and answers 204. */
export class WebhookReceiver {
  readonly deliveries: Delivery[] = [];
  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        receiver.deliveries.push({ headers: request.headers, raw: Buffer.concat(chunks) });
        response.statusCode = 204;
        response.end();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/netkeep`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((done) => this.server.close(() => done()));
  }
}
