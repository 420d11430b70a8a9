import type { KubeApiTransport } from './kube-api-transport';

/** What discovery says about one kind: its plural path segment and whether it lives in a namespace. */
export interface ApiResource {
  name: string;
  namespaced: boolean;
}

interface DiscoveredResource {
  name: string;
  kind: string;
  namespaced: boolean;
}

/**
 * Maps kinds to URL paths through the API's discovery documents (`/api/v1`, `/apis/<group>/<version>`),
 * one request per group-version, so custom resources such as Traefik's work like built-in ones.
 */
export class ApiResourceCatalog {
  private readonly groupVersions = new Map<string, Promise<DiscoveredResource[] | undefined>>();

  constructor(private readonly transport: KubeApiTransport) {}

  async resource(apiVersion: string, kind: string): Promise<ApiResource> {
    const resources = await this.discover(apiVersion);
    if (!resources) {
      throw new Error(`the cluster serves no API ${apiVersion} (needed for ${kind}); is the component that defines it installed?`);
    }
    const found = resources.find((resource) => resource.kind === kind && !resource.name.includes('/'));
    if (!found) throw new Error(`the cluster's API ${apiVersion} has no kind ${kind}`);
    return { name: found.name, namespaced: found.namespaced };
  }

  private discover(apiVersion: string): Promise<DiscoveredResource[] | undefined> {
    let pending = this.groupVersions.get(apiVersion);
    if (!pending) {
      pending = this.fetchGroupVersion(apiVersion);
      // A failed lookup is retried next time rather than remembered.
      pending.catch(() => this.groupVersions.delete(apiVersion));
      this.groupVersions.set(apiVersion, pending);
    }
    return pending;
  }

  private async fetchGroupVersion(apiVersion: string): Promise<DiscoveredResource[] | undefined> {
    const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const list = await this.transport.request<{ resources?: DiscoveredResource[] }>('GET', path, {
      action: `discover ${apiVersion}`,
      allowNotFound: true,
    });
    return list?.resources;
  }
}
