import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  DEFAULT_API_PORT,
  type ClusterPlan,
  type ClusterSettings,
  type Datastore,
  type HostKeyPolicy,
  type K3sSource,
  type KubeconfigSettings,
  type NetkeepSettings,
  type NodeRole,
  type PlanNode,
  type SshSettings,
  type SudoSettings,
} from './cluster-plan';
import { PlanFields, type FieldPath } from './plan-fields';
import { PlanValidationError } from './plan-validation-error';

export interface PlanContext {
  /** For `~` in paths and the default token file. */
  homeDir: string;
}

export const DEFAULT_INSTALL_SCRIPT_URL = 'https://get.k3s.io';
const DEFAULT_CONNECT_TIMEOUT_SECONDS = 15;
const DEFAULT_ROLLOUT_TIMEOUT_SECONDS = 300;

/** K3S's `--disable` values. */
const K3S_COMPONENTS = ['coredns', 'servicelb', 'traefik', 'local-storage', 'metrics-server', 'runtimes'];
/** config.yaml keys the installer writes from the plan's own fields; setting them twice would be ambiguous. */
const MANAGED_CONFIG_KEYS: Record<string, string> = {
  token: 'cluster.tokenFile or cluster.tokenEnv',
  'token-file': 'cluster.tokenFile or cluster.tokenEnv',
  server: 'the first server of nodes',
  'tls-san': 'cluster.tlsSan',
  'cluster-init': 'cluster.datastore.type: etcd',
  'datastore-endpoint': 'cluster.datastore.endpointEnv',
  'node-label': 'the node\'s labels',
  'node-taint': 'the node\'s taints',
  disable: 'cluster.disable',
};

const VERSION_PATTERN = /^v\d+\.\d+\.\d+(-rc\d+)?\+k3s\d+$/;
const CHANNEL_PATTERN = /^(stable|latest|testing|v\d+\.\d+)$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME_PATTERN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const TAINT_PATTERN = /^[^=:\s]+(=[^:\s]*)?:(NoSchedule|PreferNoSchedule|NoExecute)$/;
const HOST_PATTERN = /^[^\s@/]+$/;

export function loadClusterPlan(file: string, context: PlanContext): ClusterPlan {
  const absolute = resolve(file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new PlanValidationError(absolute, [{ path: '', message: `cannot be read: ${(error as Error).message}` }]);
  }
  return parseClusterPlan(text, absolute, context);
}

/** Reads and checks a plan; every problem is reported at once as a PlanValidationError. */
export function parseClusterPlan(text: string, file: string, context: PlanContext): ClusterPlan {
  const fields = new PlanFields(text);
  if (!fields.parsed) throw new PlanValidationError(file, fields.issues);
  const paths = new PlanPaths(dirname(file), context.homeDir);
  fields.object([], ['cluster', 'k3s', 'ssh', 'sudo', 'nodes', 'kubeconfig', 'netkeep'], { required: true });
  fields.object(['ssh'], SSH_KEYS);
  fields.object(['sudo'], SUDO_KEYS);
  const nodes = readNodes(fields, paths);
  const cluster = readCluster(fields, paths, nodes);
  const plan: ClusterPlan = {
    file,
    cluster,
    k3s: readK3s(fields, paths),
    nodes,
    kubeconfig: readKubeconfig(fields, paths),
    netkeep: readNetkeep(fields, paths),
  };
  checkTopology(fields, plan);
  if (fields.issues.length) throw new PlanValidationError(file, fields.issues);
  return plan;
}

/** Relative paths are relative to the plan file; `~` is the user's home. */
class PlanPaths {
  constructor(
    private readonly planDir: string,
    readonly homeDir: string,
  ) {}

  resolve(path: string): string {
    if (path === '~') return this.homeDir;
    if (path.startsWith('~/')) return join(this.homeDir, path.slice(2));
    return resolve(this.planDir, path);
  }
}

const SSH_KEYS = ['user', 'port', 'identityFile', 'agent', 'passwordEnv', 'jumpHost', 'sshConfig', 'hostKeyChecking', 'knownHostsFile', 'connectTimeoutSeconds'];
const SUDO_KEYS = ['passwordEnv'];
const NODE_KEYS = ['name', 'role', 'address', 'sshHost', 'ssh', 'sudo', 'labels', 'taints', 'config'];

function readNodes(fields: PlanFields, paths: PlanPaths): PlanNode[] {
  const list = fields.list(['nodes'], { required: true });
  if (fields.has(['nodes']) && list.length === 0) fields.report(['nodes'], 'lists no node: a cluster needs at least one server');
  const nodes: PlanNode[] = [];
  list.forEach((_, index) => {
    const path = ['nodes', index];
    if (!fields.object(path, NODE_KEYS, { required: true })) return;
    const name = fields.string([...path, 'name'], { required: true, pattern: NAME_PATTERN, patternHint: 'must be lower-case letters, digits, "-" and "."' });
    const role = fields.string([...path, 'role'], { required: true, oneOf: ['server', 'agent'] }) as NodeRole | undefined;
    const sshHost = fields.string([...path, 'sshHost'], { pattern: HOST_PATTERN, patternHint: 'must be a host name, an address or a ~/.ssh/config alias' });
    const address = fields.string([...path, 'address'], { pattern: HOST_PATTERN, patternHint: 'must be a host name or an IP address' });
    if (!address && !sshHost && !fields.has([...path, 'address'])) fields.report([...path, 'address'], 'is required (the address the other nodes reach this one on)');
    const nodeSsh = fields.object([...path, 'ssh'], SSH_KEYS) ?? {};
    const nodeSudo = fields.object([...path, 'sudo'], SUDO_KEYS) ?? {};
    const ssh = readSsh(fields, paths, path, nodeSsh);
    const sudo = readSudo(fields, path, nodeSudo);
    const labels = fields.stringMap([...path, 'labels']);
    const taints = fields.stringList([...path, 'taints'], { pattern: TAINT_PATTERN, patternHint: 'must be key=value:Effect, Effect one of NoSchedule, PreferNoSchedule, NoExecute' });
    const config = readExtraConfig(fields, [...path, 'config']);
    if (name && role && (address || sshHost)) {
      nodes.push({ name, role, address: address ?? (sshHost as string), sshHost: sshHost ?? (address as string), ssh, sudo, labels, taints, config });
    }
  });
  return nodes;
}

/** A node's own ssh fields win over the plan's `ssh:` defaults, field by field. */
function readSsh(fields: PlanFields, paths: PlanPaths, nodePath: FieldPath, own: Record<string, unknown>): SshSettings {
  const pick = (key: string): FieldPath => (key in own ? [...nodePath, 'ssh', key] : ['ssh', key]);
  const identityPath = pick('identityFile');
  const identityValue = fields.value(identityPath);
  const identityFiles = typeof identityValue === 'string'
    ? [fields.string(identityPath)].filter((value): value is string => Boolean(value))
    : fields.stringList(identityPath);
  return {
    user: fields.string(pick('user'), { pattern: /^[^\s@:]+$/, patternHint: 'must be a login name' }),
    port: fields.integer(pick('port'), { min: 1, max: 65_535 }),
    identityFiles: identityFiles.map((file) => paths.resolve(file)),
    useAgent: fields.boolean(pick('agent')) ?? true,
    passwordEnv: fields.string(pick('passwordEnv'), { pattern: ENV_NAME, patternHint: 'must be the name of an environment variable' }),
    jumpHost: fields.string(pick('jumpHost'), { pattern: /^[^\s]+$/, patternHint: 'must be [user@]host[:port] or a ~/.ssh/config alias, comma-separated for several hops' }),
    useSshConfig: fields.boolean(pick('sshConfig')) ?? true,
    hostKeyPolicy: (fields.string(pick('hostKeyChecking'), { oneOf: ['accept-new', 'strict', 'off'] }) ?? 'accept-new') as HostKeyPolicy,
    knownHostsFile: optional(fields.string(pick('knownHostsFile')), (file) => paths.resolve(file)),
    connectTimeoutSeconds: fields.integer(pick('connectTimeoutSeconds'), { min: 1, max: 600 }) ?? DEFAULT_CONNECT_TIMEOUT_SECONDS,
  };
}

function readSudo(fields: PlanFields, nodePath: FieldPath, own: Record<string, unknown>): SudoSettings {
  const path = 'passwordEnv' in own ? [...nodePath, 'sudo', 'passwordEnv'] : ['sudo', 'passwordEnv'];
  return { passwordEnv: fields.string(path, { pattern: ENV_NAME, patternHint: 'must be the name of an environment variable' }) };
}

function readExtraConfig(fields: PlanFields, path: FieldPath): Record<string, unknown> {
  const config = fields.freeMap(path);
  for (const key of Object.keys(config)) {
    const owner = MANAGED_CONFIG_KEYS[key];
    if (owner) fields.report([...path, key], `is written by the installer; set it through ${owner}`);
  }
  return config;
}

const CLUSTER_KEYS = ['name', 'apiAddress', 'tlsSan', 'disable', 'datastore', 'tokenFile', 'tokenEnv', 'serverConfig', 'agentConfig'];

function readCluster(fields: PlanFields, paths: PlanPaths, nodes: PlanNode[]): ClusterSettings {
  fields.object(['cluster'], CLUSTER_KEYS, { required: true });
  const name = fields.string(['cluster', 'name'], { required: true, pattern: NAME_PATTERN, patternHint: 'must be lower-case letters, digits, "-" and "."' }) ?? 'netkeep';
  const server = nodes.find((node) => node.role === 'server');
  const apiAddress = fields.string(['cluster', 'apiAddress'], { pattern: HOST_PATTERN, patternHint: 'must be a host name or an IP address' }) ?? server?.address ?? '';
  const tlsSan = fields.stringList(['cluster', 'tlsSan'], { pattern: HOST_PATTERN, patternHint: 'must be a host name or an IP address' });
  const disable = fields.stringList(['cluster', 'disable']);
  disable.forEach((component, index) => {
    if (!K3S_COMPONENTS.includes(component)) fields.report(['cluster', 'disable', index], `"${component}" is not a K3S component; known: ${K3S_COMPONENTS.join(', ')}`);
  });
  const serverConfig = readExtraConfig(fields, ['cluster', 'serverConfig']);
  const listenPort = serverConfig['https-listen-port'];
  return {
    name,
    apiAddress,
    apiPort: typeof listenPort === 'number' ? listenPort : DEFAULT_API_PORT,
    // The address clients use must be on the API certificate, so it is always a SAN.
    tlsSan: [...new Set([apiAddress, ...tlsSan].filter(Boolean))],
    disable,
    datastore: readDatastore(fields),
    tokenFile: paths.resolve(fields.string(['cluster', 'tokenFile']) ?? join(paths.homeDir, '.config', 'netkeep', 'clusters', name, 'token')),
    tokenEnv: fields.string(['cluster', 'tokenEnv'], { pattern: ENV_NAME, patternHint: 'must be the name of an environment variable' }),
    serverConfig,
    agentConfig: readExtraConfig(fields, ['cluster', 'agentConfig']),
  };
}

function readDatastore(fields: PlanFields): Datastore {
  if (!fields.has(['cluster', 'datastore'])) return { type: 'sqlite' };
  fields.object(['cluster', 'datastore'], ['type', 'endpointEnv']);
  const type = fields.string(['cluster', 'datastore', 'type'], { required: true, oneOf: ['sqlite', 'etcd', 'external'] });
  if (type === 'external') {
    const endpointEnv = fields.string(['cluster', 'datastore', 'endpointEnv'], { required: true, pattern: ENV_NAME, patternHint: 'must be the name of an environment variable' });
    return { type, endpointEnv: endpointEnv ?? '' };
  }
  if (fields.has(['cluster', 'datastore', 'endpointEnv'])) fields.report(['cluster', 'datastore', 'endpointEnv'], 'only applies to type: external');
  return { type: type === 'etcd' ? 'etcd' : 'sqlite' };
}

function readK3s(fields: PlanFields, paths: PlanPaths): K3sSource {
  fields.object(['k3s'], ['version', 'channel', 'installScriptUrl', 'airgapBundle']);
  const version = fields.string(['k3s', 'version'], { pattern: VERSION_PATTERN, patternHint: 'must be a K3S release such as v1.33.4+k3s1' });
  const channel = fields.string(['k3s', 'channel'], { pattern: CHANNEL_PATTERN, patternHint: 'must be stable, latest, testing or a minor version such as v1.33' });
  const bundle = fields.string(['k3s', 'airgapBundle']);
  if (version && channel) fields.report(['k3s', 'channel'], 'and k3s.version exclude each other: a version pins one release, a channel follows the newest');
  if (bundle) {
    if (channel) fields.report(['k3s', 'channel'], 'cannot be used with airgapBundle: the bundle is the release');
    if (fields.has(['k3s', 'installScriptUrl'])) fields.report(['k3s', 'installScriptUrl'], 'cannot be used with airgapBundle: the bundle carries install.sh');
    const bundleDir = paths.resolve(bundle);
    if (!isDirectory(bundleDir)) fields.report(['k3s', 'airgapBundle'], `${bundleDir} is not a directory`);
    return { kind: 'airgap', bundleDir, ...(version ? { version } : {}) };
  }
  const installScriptUrl = fields.string(['k3s', 'installScriptUrl'], { pattern: /^https?:\/\/\S+$/, patternHint: 'must be an http(s) URL' }) ?? DEFAULT_INSTALL_SCRIPT_URL;
  return { kind: 'online', installScriptUrl, ...(version ? { version } : {}), ...(channel ? { channel } : {}) };
}

function readKubeconfig(fields: PlanFields, paths: PlanPaths): KubeconfigSettings {
  fields.object(['kubeconfig'], ['path', 'setCurrentContext']);
  return {
    path: optional(fields.string(['kubeconfig', 'path']), (path) => paths.resolve(path)),
    setCurrentContext: fields.boolean(['kubeconfig', 'setCurrentContext']) ?? false,
  };
}

function readNetkeep(fields: PlanFields, paths: PlanPaths): NetkeepSettings {
  fields.object(['netkeep'], ['deploy', 'overlay', 'images', 'imageArchives', 'rolloutTimeoutSeconds']);
  const deploy = fields.boolean(['netkeep', 'deploy']) ?? false;
  const overlay = fields.string(['netkeep', 'overlay'], { required: deploy });
  const overlayDir = overlay ? paths.resolve(overlay) : '';
  if (deploy && overlay && !existsSync(join(overlayDir, 'kustomization.yaml'))) {
    fields.report(['netkeep', 'overlay'], `${overlayDir} has no kustomization.yaml`);
  }
  const archives = fields.string(['netkeep', 'imageArchives']);
  const imageArchivesDir = archives ? paths.resolve(archives) : undefined;
  if (imageArchivesDir && !isDirectory(imageArchivesDir)) fields.report(['netkeep', 'imageArchives'], `${imageArchivesDir} is not a directory`);
  return {
    deploy,
    overlayDir,
    images: fields.stringMap(['netkeep', 'images']),
    ...(imageArchivesDir ? { imageArchivesDir } : {}),
    rolloutTimeoutSeconds: fields.integer(['netkeep', 'rolloutTimeoutSeconds'], { min: 10, max: 3600 }) ?? DEFAULT_ROLLOUT_TIMEOUT_SECONDS,
  };
}

/** Rules about the nodes together: names, addresses, how many servers the datastore allows. */
function checkTopology(fields: PlanFields, plan: ClusterPlan): void {
  const servers = plan.nodes.filter((node) => node.role === 'server');
  if (plan.nodes.length > 0 && servers.length === 0) fields.report(['nodes'], 'has no node with role: server');
  duplicates(plan.nodes.map((node) => node.name)).forEach((name) => fields.report(['nodes', plan.nodes.findIndex((node) => node.name === name)], `name "${name}" is used by more than one node`));
  duplicates(plan.nodes.map((node) => node.address)).forEach((address) => {
    fields.report(['nodes', plan.nodes.findIndex((node) => node.address === address)], `address ${address} is used by more than one node`);
  });
  const { datastore } = plan.cluster;
  if (datastore.type === 'sqlite' && servers.length > 1) {
    fields.report(['cluster', 'datastore'], `SQLite serves a single server but the plan has ${servers.length}; use type: etcd (3 servers) or type: external`);
  }
  if (datastore.type === 'etcd' && servers.length % 2 === 0 && servers.length > 0) {
    fields.report(['cluster', 'datastore'], `embedded etcd needs an odd number of servers to keep quorum (1, 3, 5), not ${servers.length}`);
  }
}

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

function optional<T, R>(value: T | undefined, map: (value: T) => R): R | undefined {
  return value === undefined ? undefined : map(value);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
