/** One answer as it came back, kept for the leak scan. */
export interface RecordedResponse {
  what: string;
  status: number;
  headers: string;
  body: string;
  /** Secrets (by label) this answer may carry: a token in the answer that issued it. */
  mayCarry: Set<string>;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  contentType?: string;
  mayCarry?: string[];
}

/** A client for the platform's HTTP API that keeps every response, headers included, for the leak scan. */
export class RecordingClient {
  readonly responses: RecordedResponse[] = [];

  constructor(
    readonly baseUrl: string,
    private readonly defaultToken: string,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- scenarios read JSON answers freely
  async call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<{ status: number; body: T; text: string }> {
    const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? this.defaultToken}` };
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    this.responses.push({
      what: `${method} ${path} → ${response.status}`,
      status: response.status,
      headers: [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n'),
      body: text,
      mayCarry: new Set(options.mayCarry),
    });
    const json = /json/.test(response.headers.get('content-type') ?? '') && text !== '' ? (JSON.parse(text) as T) : (text as T);
    return { status: response.status, body: json, text };
  }

  /** `call` that fails the scenario on an unexpected status. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- scenarios read JSON answers freely
  async expect<T = any>(status: number, method: string, path: string, options: CallOptions = {}): Promise<T> {
    const response = await this.call<T>(method, path, options);
    if (response.status !== status) throw new Error(`${method} ${path} answered ${response.status}, not ${status}: ${response.text.slice(0, 500)}`);
    return response.body;
  }
}
