import { ApiError, apiErrorFrom } from './api-error';
import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The API paths that answer `M`. */
export type PathsWith<M extends Method> = { [P in keyof paths]: undefined extends paths[P][M] ? never : P }[keyof paths];

type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type ParametersOf<O> = O extends { parameters: infer X } ? X : never;
type PathParams<O> = ParametersOf<O> extends { path: infer X } ? X : never;
type QueryParams<O> = ParametersOf<O> extends { query?: infer X } ? NonNullable<X> : never;
type JsonBody<O> = O extends { requestBody?: infer R } ? ([NonNullable<R>] extends [never] ? never : NonNullable<R> extends { content: { 'application/json': infer B } } ? B : never) : never;
type SuccessStatus = 200 | 201 | 202 | 204;
type Responses<O> = O extends { responses: infer R } ? R : never;
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : undefined;

/** What a successful call returns: the JSON of its 2xx answer (undefined for 204). */
export type ResultOf<P extends keyof paths, M extends Method> = JsonOf<Responses<Operation<P, M>>[Extract<keyof Responses<Operation<P, M>>, SuccessStatus>]>;

/** Path parameters, query and body as the operation declares them; required ones are required here too. */
export type RequestOf<P extends keyof paths, M extends Method> = ([PathParams<Operation<P, M>>] extends [never] ? { path?: never } : { path: PathParams<Operation<P, M>> }) &
  ([QueryParams<Operation<P, M>>] extends [never] ? { query?: never } : { query?: QueryParams<Operation<P, M>> }) &
  ([JsonBody<Operation<P, M>>] extends [never] ? { body?: never } : { body: JsonBody<Operation<P, M>> }) & { signal?: AbortSignal };

/** What `call` reads of any operation's request. */
interface CallRequest {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  signal?: AbortSignal;
}

type Args<P extends keyof paths, M extends Method> = object extends RequestOf<P, M> ? [request?: RequestOf<P, M>] : [request: RequestOf<P, M>];

/** `/api/v1/devices/{id}` with `{ id }` filled in; every value is encoded (interface names carry slashes). */
export function fillPath(template: string, values: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === '') throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
}

/** A query string with repeated keys for lists (the API's style); empty values are left out. */
export function queryString(query: Record<string, unknown> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null || item === '') continue;
      search.append(key, String(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface ApiClientOptions {
  /** The API's origin; '' for the one that served the console. */
  baseUrl?: string;
  /** Called when the API refuses the token (401): the session is over. */
  onUnauthorized?: (error: ApiError) => void;
  fetch?: typeof fetch;
}

/** The REST API, typed from its OpenAPI document: `api.get('/api/v1/devices/{id}', { path: { id } })`. */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(
    private readonly token: string,
    private readonly options: ApiClientOptions = {},
  ) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  get<P extends PathsWith<'get'>>(path: P, ...args: Args<P, 'get'>): Promise<ResultOf<P, 'get'>> {
    return this.call('GET', path, args[0] as CallRequest) as Promise<ResultOf<P, 'get'>>;
  }

  post<P extends PathsWith<'post'>>(path: P, ...args: Args<P, 'post'>): Promise<ResultOf<P, 'post'>> {
    return this.call('POST', path, args[0] as CallRequest) as Promise<ResultOf<P, 'post'>>;
  }

  put<P extends PathsWith<'put'>>(path: P, ...args: Args<P, 'put'>): Promise<ResultOf<P, 'put'>> {
    return this.call('PUT', path, args[0] as CallRequest) as Promise<ResultOf<P, 'put'>>;
  }

  patch<P extends PathsWith<'patch'>>(path: P, ...args: Args<P, 'patch'>): Promise<ResultOf<P, 'patch'>> {
    return this.call('PATCH', path, args[0] as CallRequest) as Promise<ResultOf<P, 'patch'>>;
  }

  delete<P extends PathsWith<'delete'>>(path: P, ...args: Args<P, 'delete'>): Promise<ResultOf<P, 'delete'>> {
    return this.call('DELETE', path, args[0] as CallRequest) as Promise<ResultOf<P, 'delete'>>;
  }

  private async call(method: string, template: string, request: CallRequest = {}): Promise<unknown> {
    const url = this.baseUrl + fillPath(template, request.path) + queryString(request.query);
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'application/json' };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body), signal: request.signal });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, `Cannot reach the netkeep API (${(error as Error).message}); check that the platform is running`);
    }
    if (!response.ok) {
      const error = await apiErrorFrom(response);
      if (error.unauthorized) this.options.onUnauthorized?.(error);
      throw error;
    }
    if (response.status === 204) return undefined;
    const text = await response.text();
    return text === '' ? undefined : JSON.parse(text);
  }
}
