import { Watch } from '@kubernetes/client-node';
import type { LoadedKubeconfig } from '../kubeconfig/load-kubeconfig';
import { ApiResourceCatalog } from './api-resource-catalog';
import { KubeApiTransport } from './kube-api-transport';
import { displayName, referenceOf, type KubeObject, type ObjectReference } from './kube-object';

/** The content type that makes a PATCH a server-side apply. */
export const APPLY_PATCH_CONTENT_TYPE = 'application/apply-patch+yaml';

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export interface ApplyOptions {
  fieldManager: string;
  /** Take over fields another manager owns instead of failing with a conflict. */
  force?: boolean;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** A running watch; `stop` ends it without calling its `onEnd`. */
export interface WatchHandle {
  stop(): void;
}

/**
 * The Kubernetes API for any kind, as plain JSON objects: get, list, create, server-side apply
 * and watch. Paths come from discovery; the default namespace is the context's, as kubectl does.
 */
export class KubeApiClient {
  readonly server: string;
  private readonly transport: KubeApiTransport;
  private readonly catalog: ApiResourceCatalog;
  private readonly defaultNamespace: string;

  constructor(private readonly kubeconfig: LoadedKubeconfig) {
    this.server = kubeconfig.server;
    this.transport = new KubeApiTransport(kubeconfig.kubeConfig, kubeconfig.server);
    this.catalog = new ApiResourceCatalog(this.transport);
    this.defaultNamespace = kubeconfig.kubeConfig.getContextObject(kubeconfig.context)?.namespace || 'default';
  }

  get context(): string {
    return this.kubeconfig.context;
  }

  /** The object as the server has it, or `undefined` when it does not exist. */
  async get(reference: ObjectReference): Promise<KubeObject | undefined> {
    const path = await this.objectPath(reference);
    return this.transport.request<KubeObject>('GET', path, { action: `read ${displayName(reference)}`, allowNotFound: true });
  }

  async list(apiVersion: string, kind: string, namespace: string | undefined, options: ListOptions = {}): Promise<KubeObject[]> {
    const path = await this.collectionPath(apiVersion, kind, namespace);
    const list = await this.transport.request<{ items?: KubeObject[] }>('GET', path, {
      action: `list ${kind}`,
      query: { labelSelector: options.labelSelector, fieldSelector: options.fieldSelector },
    });
    // List items carry no apiVersion/kind of their own.
    return (list?.items ?? []).map((item) => ({ ...item, apiVersion, kind }));
  }

  async create(object: KubeObject, fieldManager: string): Promise<KubeObject> {
    const namespace = await this.namespaceFor(referenceOf(object));
    const path = await this.collectionPath(object.apiVersion, object.kind, namespace);
    const body = namespace ? { ...object, metadata: { ...object.metadata, namespace } } : object;
    return (await this.transport.request<KubeObject>('POST', path, {
      action: `create ${displayName(referenceOf(object))}`,
      query: { fieldManager },
      body,
    })) as KubeObject;
  }

  /** Server-side apply: the server merges the manifest and records `fieldManager` as owner of its fields. */
  async apply(object: KubeObject, options: ApplyOptions): Promise<KubeObject> {
    const namespace = await this.namespaceFor(referenceOf(object));
    const reference = { ...referenceOf(object), namespace };
    const body = namespace ? { ...object, metadata: { ...object.metadata, namespace } } : object;
    return (await this.transport.request<KubeObject>('PATCH', await this.objectPath(reference), {
      action: `apply ${displayName(reference)}`,
      query: { fieldManager: options.fieldManager, force: options.force ? 'true' : 'false' },
      contentType: APPLY_PATCH_CONTENT_TYPE,
      body,
    })) as KubeObject;
  }

  /**
   * Streams changes to the objects of one kind (optionally one namespace and selector) through the
   * library's `Watch`. It starts with an ADDED event per existing object; `onEnd` runs once when the
   * server closes the stream or it fails, and the caller decides whether to watch again.
   */
  async watch(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    options: ListOptions & { timeoutSeconds?: number },
    onEvent: (type: WatchEventType, object: KubeObject) => void,
    onEnd: (error?: Error) => void,
  ): Promise<WatchHandle> {
    const path = await this.collectionPath(apiVersion, kind, namespace);
    let stopped = false;
    const query = { labelSelector: options.labelSelector, fieldSelector: options.fieldSelector, timeoutSeconds: options.timeoutSeconds };
    const controller = await new Watch(this.kubeconfig.kubeConfig).watch(
      path,
      query,
      (type, object: KubeObject) => {
        if (!stopped) onEvent(type as WatchEventType, { ...object, apiVersion, kind });
      },
      (error: unknown) => {
        if (stopped) return;
        stopped = true;
        onEnd(error ? (error instanceof Error ? error : new Error(String(error))) : undefined);
      },
    );
    return {
      stop: () => {
        stopped = true;
        controller.abort();
      },
    };
  }

  async objectPath(reference: ObjectReference): Promise<string> {
    const namespace = await this.namespaceFor(reference);
    const collection = await this.collectionPath(reference.apiVersion, reference.kind, namespace);
    return `${collection}/${encodeURIComponent(reference.name)}`;
  }

  async collectionPath(apiVersion: string, kind: string, namespace: string | undefined): Promise<string> {
    const resource = await this.catalog.resource(apiVersion, kind);
    const root = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const scope = resource.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
    return `${root}${scope}/${resource.name}`;
  }

  /** The namespace an object goes to: its own, else the context's default; none for cluster-scoped kinds. */
  private async namespaceFor(reference: ObjectReference): Promise<string | undefined> {
    const resource = await this.catalog.resource(reference.apiVersion, reference.kind);
    return resource.namespaced ? reference.namespace || this.defaultNamespace : undefined;
  }
}
