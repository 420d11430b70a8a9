import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BadControlRequest, parseClock, parseConfigChange, parseFaults, parseLinkState, parseSnmpBehaviour } from './control-requests';
import { LabConfigError, UnknownDeviceError } from './lab-errors';
import type { LabDevice, LabFleet } from './lab-fleet';

const CONTROL_HOST = '127.0.0.1';
const MAX_BODY_BYTES = 1024 * 1024;

interface Route {
  method: 'GET' | 'POST' | 'PUT';
  path: RegExp;
  handle(params: string[], body: unknown): unknown;
}

/** What `GET /devices` lists for each device. */
export function deviceSummary(device: LabDevice) {
  const { name, platform, address } = device.identity;
  return { name, platform, address, port: device.port, faults: [...device.faults] };
}

/**
 * The lab's control endpoint: JSON over HTTP on loopback, for tests and demos to inspect
 * devices (secrets included: it is a lab) and to turn the knobs.
 */
export class ControlServer {
  private readonly http: Server;
  private readonly routes: Route[];

  constructor(private readonly fleet: LabFleet) {
    this.routes = this.buildRoutes();
    this.http = createServer((request, response) => void this.serve(request, response));
  }

  get url(): string {
    return `http://${CONTROL_HOST}:${(this.http.address() as AddressInfo).port}`;
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.http.once('error', (error) =>
        reject(new LabConfigError(`control endpoint cannot listen on ${CONTROL_HOST}:${port}: ${error.message}`)),
      );
      this.http.listen({ host: CONTROL_HOST, port }, () => resolve());
    });
  }

  close(): Promise<void> {
    if (!this.http.listening) return Promise.resolve();
    this.http.closeAllConnections();
    return new Promise((resolve) => this.http.close(() => resolve()));
  }

  private buildRoutes(): Route[] {
    const fleet = this.fleet;
    const device = (name: string) => fleet.device(decodeURIComponent(name));
    return [
      { method: 'GET', path: /^\/healthz$/, handle: () => ({ status: 'ok', devices: fleet.list().length }) },
      { method: 'GET', path: /^\/devices$/, handle: () => fleet.list().map(deviceSummary) },
      { method: 'GET', path: /^\/devices\/([^/]+)$/, handle: ([name]) => this.deviceDetail(device(name)) },
      {
        method: 'POST',
        path: /^\/devices\/([^/]+)\/config$/,
        handle: ([name], body) => {
          const target = device(name);
          const change = parseConfigChange(body);
          const config = fleet.changeConfig(target.identity.name, change);
          return { name: target.identity.name, state: target.state, config };
        },
      },
      {
        method: 'PUT',
        path: /^\/devices\/([^/]+)\/faults$/,
        handle: ([name], body) => {
          const target = device(name);
          fleet.setFaults(target.identity.name, parseFaults(body));
          return deviceSummary(target);
        },
      },
      {
        method: 'PUT',
        path: /^\/devices\/([^/]+)\/snmp$/,
        handle: ([name], body) => ({ name: device(name).identity.name, ...fleet.setSnmpBehaviour(device(name).identity.name, parseSnmpBehaviour(body)) }),
      },
      {
        method: 'POST',
        path: /^\/devices\/([^/]+)\/host-key\/rotate$/,
        handle: async ([name]) => {
          const { identity } = device(name);
          fleet.rotateHostKey(identity.name);
          return { name: identity.name, hostKeyFingerprint: await fleet.hostKeyFingerprint(identity.name) };
        },
      },
      {
        method: 'GET',
        path: /^\/devices\/([^/]+)\/interfaces$/,
        handle: ([name]) => fleet.interfaceStates(device(name).identity.name),
      },
      {
        // Interface names carry slashes: the client encodes them (GigabitEthernet1%2F0%2F1).
        method: 'POST',
        path: /^\/devices\/([^/]+)\/interfaces\/([^/]+)\/state$/,
        handle: ([name, interfaceName], body) =>
          fleet.setInterfaceState(device(name).identity.name, decodeURIComponent(interfaceName), parseLinkState(body)),
      },
      {
        method: 'POST',
        path: /^\/devices\/([^/]+)\/reboot$/,
        handle: ([name]) => fleet.reboot(device(name).identity.name),
      },
      {
        method: 'GET',
        path: /^\/sessions$/,
        handle: () => ({ open: fleet.openSessions(), byDevice: fleet.openSessionsByDevice() }),
      },
      {
        method: 'POST',
        path: /^\/clock$/,
        handle: (_params, body) => {
          fleet.clock.set(parseClock(body));
          return { now: fleet.now().toISOString(), frozen: fleet.clock.frozen };
        },
      },
    ];
  }

  private async deviceDetail(device: LabDevice) {
    const { name } = device.identity;
    return {
      ...deviceSummary(device),
      ...device.credentials,
      snmp: { port: device.snmp.port, community: device.snmp.community, v3: device.snmp.v3, engineBoots: device.snmp.engineBoots, ...device.snmp.behaviour },
      hostKeyFingerprint: await this.fleet.hostKeyFingerprint(name),
      openSessions: this.fleet.openSessionsByDevice()[name] ?? 0,
      state: device.state,
      config: this.fleet.renderedConfig(name),
    };
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const path = new URL(request.url ?? '/', 'http://lab').pathname;
      const matching = this.routes.filter((route) => route.path.test(path));
      const route = matching.find((candidate) => candidate.method === request.method);
      if (!route) {
        const status = matching.length > 0 ? 405 : 404;
        return reply(response, status, { error: `no route ${request.method} ${path}` });
      }
      const params = route.path.exec(path)?.slice(1) ?? [];
      const body = route.method === 'GET' ? undefined : await readJson(request);
      reply(response, 200, await route.handle(params, body));
    } catch (error) {
      reply(response, statusOf(error), { error: error instanceof Error ? error.message : String(error) });
    }
  }
}

function statusOf(error: unknown): number {
  if (error instanceof UnknownDeviceError) return 404;
  if (error instanceof BadControlRequest || error instanceof LabConfigError) return 400;
  return 500;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let text = '';
  request.setEncoding('utf8');
  for await (const chunk of request) {
    text += chunk;
    if (text.length > MAX_BODY_BYTES) throw new BadControlRequest(`body larger than ${MAX_BODY_BYTES} bytes`);
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadControlRequest(`body is not valid JSON: ${(error as Error).message}`);
  }
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(`${JSON.stringify(body, null, 2)}\n`);
}
