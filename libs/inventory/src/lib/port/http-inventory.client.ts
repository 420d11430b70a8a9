import type { DeviceConnectionDto, DeviceDto, DeviceSelector, InventoryPort, UpdateDeviceFactsDto } from '@netkeep/contracts';

export interface HttpInventoryClientOptions {
  /** The inventory service, e.g. `http://inventory.netkeep.svc:3000`. */
  baseUrl: string;
  /** NETKEEP_SERVICE_TOKEN: the role that may read decrypted connections. */
  serviceToken: string;
  timeoutMs?: number;
}

/** Page size when walking the device list; the API's maximum. */
const PAGE_LIMIT = 1000;

/** Raised when the inventory service cannot answer; the message names the request and why. */
export class InventoryUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InventoryUnavailableError';
  }
}

/**
 * The InventoryPort for cluster services: the inventory's REST API called with the service
 * token. Same answers as the in-process port, including "an unknown site selects nothing".
 */
export class HttpInventoryClient implements InventoryPort {
  private readonly baseUrl: string;

  constructor(private readonly options: HttpInventoryClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  selectDevices(selector: DeviceSelector): Promise<DeviceDto[]> {
    return this.list(selector, selector.enabled ?? true);
  }

  /** `enabled` undefined lists enabled and disabled devices alike. */
  private async list(selector: DeviceSelector, enabled: boolean | undefined): Promise<DeviceDto[]> {
    // An empty id or name list selects nothing, as in-process; the API would read it as "no filter".
    if (selector.deviceIds?.length === 0 || selector.names?.length === 0) return [];
    const query = new URLSearchParams({ limit: String(PAGE_LIMIT), ordering: 'name' });
    if (enabled !== undefined) query.set('enabled', String(enabled));
    for (const id of selector.deviceIds ?? []) query.append('id', id);
    for (const name of selector.names ?? []) query.append('name', name);
    for (const tag of selector.tags ?? []) query.append('tag', tag);
    for (const key of ['site', 'role', 'platform', 'q'] as const) {
      const value = selector[key];
      if (value !== undefined) query.set(key, value);
    }
    const devices: DeviceDto[] = [];
    let path: string | null = `/api/v1/devices?${query}`;
    while (path) {
      const response = await this.request('GET', path);
      if (response.status === 400 && (selector.site !== undefined || selector.platform !== undefined)) return [];
      const page = (await this.json(response, path)) as { results: DeviceDto[]; next: string | null };
      devices.push(...page.results);
      path = page.next && new URL(page.next, this.baseUrl).pathname + new URL(page.next, this.baseUrl).search;
    }
    return devices;
  }

  async getDevice(deviceId: string): Promise<DeviceDto | undefined> {
    const path = `/api/v1/devices/${encodeURIComponent(deviceId)}`;
    const response = await this.request('GET', path);
    if (response.status === 404) return undefined;
    return (await this.json(response, path)) as DeviceDto;
  }

  async connection(deviceId: string): Promise<DeviceConnectionDto> {
    const path = `/api/v1/internal/devices/${encodeURIComponent(deviceId)}/connection`;
    return (await this.json(await this.request('GET', path), path)) as DeviceConnectionDto;
  }

  async findBySyslogSource(address: string, hostname?: string): Promise<DeviceDto | undefined> {
    // The list's free-text filter matches hosts as substrings; keep exact matches only.
    const byAddress = (await this.list({ q: address }, undefined)).filter((device) => device.host === address);
    if (byAddress.length === 1) return byAddress[0];
    if (!hostname) return undefined;
    const [byName] = await this.list({ names: [hostname] }, undefined);
    return byName;
  }

  async recordFacts(deviceId: string, facts: UpdateDeviceFactsDto): Promise<void> {
    const path = `/api/v1/internal/devices/${encodeURIComponent(deviceId)}/facts`;
    await this.json(await this.request('PATCH', path, facts), path);
  }

  private async request(method: string, path: string, body?: unknown): Promise<Response> {
    try {
      return await fetch(this.baseUrl + path, {
        method,
        headers: { authorization: `Bearer ${this.options.serviceToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new InventoryUnavailableError(`inventory ${method} ${path.split('?')[0]} failed: ${(error as Error).message}`);
    }
  }

  private async json(response: Response, path: string): Promise<unknown> {
    if (!response.ok) {
      const detail = await response.text().catch(() => '');
      throw new InventoryUnavailableError(`inventory ${path.split('?')[0]} answered ${response.status}: ${detail.slice(0, 200)}`);
    }
    return response.status === 204 ? undefined : response.json();
  }
}
