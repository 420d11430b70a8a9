import {
  HttpMethod,
  IsomorphicFetchHttpLibrary,
  RequestContext,
  ServerConfiguration,
  type KubeConfig,
} from '@kubernetes/client-node';
import { KubeconfigError } from '../kubeconfig/kubeconfig-error';
import { KubeApiError, KubeApiUnreachableError } from './kube-api-error';

export interface KubeApiRequest {
  /** What is being done, for error messages: `apply deployment.apps/inventory`. */
  action: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  contentType?: string;
  /** Answer `undefined` for a 404 instead of throwing. */
  allowNotFound?: boolean;
}

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * One JSON request to the API server through the client library's own HTTP stack and
 * authentication (tokens, client certificates, exec plugins, proxies, CA bundles).
 *
 * Bodies go out as the JSON they are: the library's typed `KubernetesObjectApi.patch` first
 * re-serializes an object through its generated models, which drops every field whose model
 * name differs from its JSON name (a NetworkPolicy's `from` becomes `_from` and vanishes),
 * and a server-side apply must carry exactly the manifest.
 */
export class KubeApiTransport {
  private readonly server: ServerConfiguration<Record<string, string>>;
  private readonly http = new IsomorphicFetchHttpLibrary();

  constructor(
    readonly kubeConfig: KubeConfig,
    readonly serverUrl: string,
  ) {
    this.server = new ServerConfiguration(serverUrl.replace(/\/+$/, ''), {});
  }

  async request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, request: KubeApiRequest): Promise<T | undefined> {
    const context = this.server.makeRequestContext(path, HttpMethod[method]);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) context.setQueryParam(name, value);
    }
    context.setHeaderParam('Accept', 'application/json');
    if (request.body !== undefined) {
      context.setHeaderParam('Content-Type', request.contentType ?? 'application/json');
      context.setBody(JSON.stringify(request.body));
    }
    context.setSignal(AbortSignal.timeout(REQUEST_TIMEOUT_MS));
    const { statusCode, text } = await this.send(context);
    if (statusCode === 404 && request.allowNotFound) return undefined;
    if (statusCode < 200 || statusCode > 299) throw apiError(statusCode, text, request.action);
    try {
      return (text ? JSON.parse(text) : undefined) as T;
    } catch {
      throw new KubeApiError(statusCode, 'NotJson', `the server at ${this.serverUrl} answered with something other than JSON; is it a Kubernetes API server?`, request.action);
    }
  }

  private async send(context: RequestContext): Promise<{ statusCode: number; text: string }> {
    try {
      await this.kubeConfig.applySecurityAuthentication(context);
    } catch (error) {
      // Exec plugins, token files and auth providers run here, before any connection.
      throw new KubeconfigError(`the kubeconfig's credentials cannot be obtained: ${(error as Error).message}`);
    }
    try {
      const response = await this.http.send(context).toPromise();
      return { statusCode: response.httpStatusCode, text: await response.body.text() };
    } catch (error) {
      throw new KubeApiUnreachableError(this.serverUrl, networkCause(error));
    }
  }
}

function apiError(statusCode: number, text: string, action: string): KubeApiError {
  let status: { reason?: string; message?: string } = {};
  try {
    status = JSON.parse(text) as typeof status;
  } catch {
    // Proxies in front of the API server answer in HTML or plain text.
  }
  const message =
    statusCode === 401
      ? 'the API server refused the credentials of the kubeconfig (expired token or certificate?)'
      : status.message || text.trim().slice(0, 200) || 'no message';
  return new KubeApiError(statusCode, status.reason || 'Unknown', message, action);
}

function networkCause(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'AbortError' || error.name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
    return error.message.replace(/^request to \S+ failed, reason: /, '');
  }
  return String(error);
}
