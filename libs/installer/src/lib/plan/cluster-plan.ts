/** A node's part in the cluster: a server runs the control plane, an agent only workloads. */
export type NodeRole = 'server' | 'agent';

/** What to do with a host key that `known_hosts` does not list (a listed key must always match). */
export type HostKeyPolicy = 'accept-new' | 'strict' | 'off';

/** How to reach and log in to one node; the plan's `ssh:` defaults merged with the node's own. */
export interface SshSettings {
  /** Login name; default from ~/.ssh/config, else `root`. */
  user?: string;
  /** Default from ~/.ssh/config, else 22. */
  port?: number;
  /** Private key files to offer, in order; default from ~/.ssh/config, else the usual ~/.ssh/id_* files. */
  identityFiles: string[];
  /** Offer the keys of the SSH agent at SSH_AUTH_SOCK. */
  useAgent: boolean;
  /** Environment variable holding the login password (the password itself is never in the plan). */
  passwordEnv?: string;
  /** `[user@]host[:port]` or a ~/.ssh/config alias, comma-separated for several hops, as OpenSSH's ProxyJump. */
  jumpHost?: string;
  /** Read ~/.ssh/config for Host aliases (HostName, User, Port, IdentityFile, ProxyJump). */
  useSshConfig: boolean;
  hostKeyPolicy: HostKeyPolicy;
  /** Default ~/.ssh/known_hosts. */
  knownHostsFile?: string;
  connectTimeoutSeconds: number;
}

/** How commands that need root get it when the login user is not root. */
export interface SudoSettings {
  /** Environment variable holding the sudo password; absent means sudo must not ask (NOPASSWD). */
  passwordEnv?: string;
}

export interface PlanNode {
  /** Unique in the plan: how progress, errors and the journal name the node. */
  name: string;
  role: NodeRole;
  /** The address the other nodes reach this one on (and SSH's target unless `sshHost` is set). */
  address: string;
  /** Where SSH connects: a host name, an address or a ~/.ssh/config alias; default `address`. */
  sshHost: string;
  ssh: SshSettings;
  sudo: SudoSettings;
  labels: Record<string, string>;
  /** `key=value:Effect` as K3S's `node-taint`. */
  taints: string[];
  /** Extra /etc/rancher/k3s/config.yaml keys for this node only. */
  config: Record<string, unknown>;
}

export type Datastore =
  | { type: 'sqlite' }
  | { type: 'etcd' }
  /** The endpoint (with credentials) comes from the environment, never from the plan. */
  | { type: 'external'; endpointEnv: string };

export type K3sSource =
  | { kind: 'online'; version?: string; channel?: string; installScriptUrl: string }
  | { kind: 'airgap'; version?: string; bundleDir: string };

export interface ClusterSettings {
  /** Names the kubeconfig cluster, user and context instead of K3S's `default`. */
  name: string;
  /** Where clients reach the API; default the first server's address. Always in `tlsSan`. */
  apiAddress: string;
  apiPort: number;
  tlsSan: string[];
  /** K3S packaged components not to deploy: traefik, servicelb, metrics-server, local-storage, coredns. */
  disable: string[];
  datastore: Datastore;
  /** Where the shared secret is kept (created 0600 when absent); the environment variable wins when set. */
  tokenFile: string;
  tokenEnv?: string;
  /** Extra config.yaml keys for every server, and for every agent. */
  serverConfig: Record<string, unknown>;
  agentConfig: Record<string, unknown>;
}

export interface KubeconfigSettings {
  /** Default: the first file of KUBECONFIG, else ~/.kube/config. */
  path?: string;
  /** Make the cluster's context the current one; default only when the file has none. */
  setCurrentContext: boolean;
}

export interface NetkeepSettings {
  deploy: boolean;
  /** The kustomization to deploy; default the repository's k8s/overlays/k3s. */
  overlayDir: string;
  /** Image name in the manifests → reference to deploy. */
  images: Record<string, string>;
  /** OCI archives of netkeep's images, copied into every node's K3S images folder (air-gap). */
  imageArchivesDir?: string;
  rolloutTimeoutSeconds: number;
}

/** A validated plan: every default applied, every path absolute. */
export interface ClusterPlan {
  /** The plan file, absolute. */
  file: string;
  cluster: ClusterSettings;
  k3s: K3sSource;
  nodes: PlanNode[];
  kubeconfig: KubeconfigSettings;
  netkeep: NetkeepSettings;
}

export const DEFAULT_API_PORT = 6443;

/** The server every other node joins and whose kubeconfig is fetched. */
export function firstServer(plan: ClusterPlan): PlanNode {
  const server = plan.nodes.find((node) => node.role === 'server');
  if (!server) throw new Error('the plan has no server');
  return server;
}

/** The name the node registers under in Kubernetes: `node-name` when configured, else its hostname, as K3S does. */
export function kubernetesNodeName(node: PlanNode, hostname: string): string {
  const configured = node.config['node-name'];
  return typeof configured === 'string' && configured ? configured : hostname.toLowerCase();
}
