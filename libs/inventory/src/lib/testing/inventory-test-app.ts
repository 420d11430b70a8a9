import { startTestApp, type TestApp, type TestDatabaseKind, type TestResponse } from '@netkeep/core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { inventoryDomain } from '../inventory.module';
import { INVENTORY_TABLES } from '../store/inventory.tables';

export type Caller = 'anonymous' | 'viewer' | 'operator' | 'admin' | 'service';

export interface CallOptions {
  as?: Caller;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Every row of every inventory table, in a stable order: "the store is unchanged" is equality of two of these. */
export type StoreSnapshot = Record<string, unknown[]>;

/** The only route whose responses may carry secrets. */
const CONNECTION_ROUTE = /^\/api\/v1\/internal\/devices\/[^/]+\/connection/;

/**
 * An inventory app over real HTTP (core's test app: real guard, real tokens, captured logs) on
 * SQLite or PostgreSQL, with a token per role and a record of every response body, so a suite
 * can prove that no secret it used ever came back or reached a log line.
 */
export class InventoryTestApp {
  private readonly responses: { path: string; text: string }[] = [];

  private constructor(
    readonly app: TestApp,
    private readonly tokens: Record<Exclude<Caller, 'anonymous'>, string>,
  ) {}

  static async start(kind: TestDatabaseKind): Promise<InventoryTestApp> {
    const app = await startTestApp({ database: kind, domains: [inventoryDomain] });
    const tokens = {
      viewer: await app.tokenFor('viewer'),
      operator: await app.tokenFor('operator'),
      admin: await app.tokenFor('admin'),
      service: app.serviceToken,
    };
    return new InventoryTestApp(app, tokens);
  }

  /** A request as `as` (default operator); JSON unless a string body with its own Content-Type is given. */
  // Bodies are whatever the server sent; specs assert on their shape (as core's TestApp.request does).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<TestResponse<T>> {
    const caller = options.as ?? 'operator';
    const response = await this.app.request<T>(method, path, {
      token: caller === 'anonymous' ? undefined : this.tokens[caller],
      body: options.body,
      headers: options.headers,
    });
    this.responses.push({ path, text: typeof response.body === 'string' ? response.body : JSON.stringify(response.body) });
    return response;
  }

  /** POST /api/v1/devices/import with the file as the body. */
  importFile(format: string, content: string, contentType: string, query = '', as: Caller = 'operator') {
    return this.call('POST', `/api/v1/devices/import?format=${format}${query}`, { as, body: content, headers: { 'content-type': contentType } });
  }

  async snapshot(): Promise<StoreSnapshot> {
    const snapshot: StoreSnapshot = {};
    for (const table of INVENTORY_TABLES) {
      const order = table === 'inventory_device_tags' ? ['device_id', 'tag'] : ['id'];
      let query = this.app.database.db.selectFrom(table).selectAll();
      for (const column of order) query = query.orderBy(column);
      snapshot[table] = await query.execute();
    }
    return snapshot;
  }

  /** Empties the inventory tables (tokens stay). */
  async reset(): Promise<void> {
    for (const table of INVENTORY_TABLES) await this.app.database.db.deleteFrom(table).execute();
  }

  /** Response bodies (outside the connection endpoint) and log lines that contain any of `secrets`. */
  leaks(secrets: readonly string[]): string[] {
    const found: string[] = [];
    for (const { path, text } of this.responses) {
      if (CONNECTION_ROUTE.test(path)) continue;
      for (const secret of secrets) if (text.includes(secret)) found.push(`response of ${path} contains "${secret}"`);
    }
    const logs = this.app.logs.lines;
    for (const line of logs) for (const secret of secrets) if (line.includes(secret)) found.push(`log line contains "${secret}": ${line.slice(0, 200)}`);
    return found;
  }

  /** How many responses and log lines `leaks` looked at, to show the scan had something to scan. */
  scanned(): { responses: number; logLines: number } {
    return { responses: this.responses.length, logLines: this.app.logs.lines.length };
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

/** One app per suite on `kind`, handed to `use` once started; the store is emptied before each test. */
export function useInventoryTestApp(kind: TestDatabaseKind, use: (app: InventoryTestApp) => void): void {
  let app: InventoryTestApp | undefined;
  beforeAll(async () => {
    app = await InventoryTestApp.start(kind);
    use(app);
  });
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(async () => {
    await app?.reset();
  });
}
