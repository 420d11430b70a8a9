import { KubeConfig } from '@kubernetes/client-node';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { KubeconfigError } from './kubeconfig-error';

export interface KubeconfigSelection {
  /** An explicit file; wins over `KUBECONFIG` and `~/.kube/config`. */
  path?: string;
  /** A context of that file; default: its `current-context`. */
  context?: string;
  /** Where `KUBECONFIG` is read from; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Where `~/.kube/config` is looked for; default the user's home. */
  homeDir?: string;
}

/** A kubeconfig checked far enough that the first API request fails only for network or auth reasons. */
export interface LoadedKubeconfig {
  kubeConfig: KubeConfig;
  /** The file(s) it came from, for messages. */
  source: string;
  context: string;
  /** The API server URL of that context's cluster. */
  server: string;
}

/**
 * Loads a kubeconfig the way kubectl finds one (explicit path, then every file of `KUBECONFIG`,
 * then `~/.kube/config`) and checks what kubectl would only discover on the first request.
 * Unlike `KubeConfig.loadFromDefault`, it never falls back to an in-cluster or localhost:8080
 * config: deploying to a cluster nobody named is worse than stopping.
 */
export function loadKubeconfig(selection: KubeconfigSelection = {}): LoadedKubeconfig {
  const files = kubeconfigFiles(selection);
  const source = files.join(delimiter);
  const [first, ...rest] = files.map(readKubeconfigFile);
  const kubeConfig = first as KubeConfig;
  rest.forEach((fileConfig) => mergeKubeconfig(kubeConfig, fileConfig, source));
  const context = selectContext(kubeConfig, selection.context, source);
  const server = checkContext(kubeConfig, context, source);
  return { kubeConfig, source, context, server };
}

/**
 * The same checks for a kubeconfig held in memory, e.g. the one an installer fetched from a
 * fresh K3S server; `source` names it in messages.
 */
export function kubeconfigFromText(text: string, source: string, context?: string): LoadedKubeconfig {
  const kubeConfig = parseKubeconfig(text, source);
  const selected = selectContext(kubeConfig, context, source);
  const server = checkContext(kubeConfig, selected, source);
  return { kubeConfig, source, context: selected, server };
}

function kubeconfigFiles(selection: KubeconfigSelection): string[] {
  if (selection.path) {
    const file = resolve(selection.path);
    if (!existsSync(file)) throw new KubeconfigError(`kubeconfig ${file} does not exist`);
    return [file];
  }
  const fromEnv = (selection.env ?? process.env)['KUBECONFIG'];
  if (fromEnv) {
    const files = fromEnv.split(delimiter).filter(Boolean).map((file) => resolve(file));
    const present = files.filter((file) => existsSync(file));
    if (present.length === 0) throw new KubeconfigError(`KUBECONFIG names no existing file (${fromEnv})`);
    return present;
  }
  const homeConfig = join(selection.homeDir ?? homedir(), '.kube', 'config');
  if (!existsSync(homeConfig)) {
    throw new KubeconfigError(`no kubeconfig: ${homeConfig} does not exist and KUBECONFIG is not set (pass --kubeconfig)`);
  }
  return [homeConfig];
}

function readKubeconfigFile(file: string): KubeConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new KubeconfigError(`kubeconfig ${file} cannot be read: ${(error as Error).message}`);
  }
  const fileConfig = parseKubeconfig(text, `kubeconfig ${file}`);
  // Certificate and token paths are relative to the file that names them, as kubectl reads them.
  fileConfig.makePathsAbsolute(dirname(file));
  return fileConfig;
}

function parseKubeconfig(text: string, source: string): KubeConfig {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new KubeconfigError(`${source} is not valid YAML: ${firstLine((error as Error).message)}`);
  }
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    throw new KubeconfigError(`${source} is not a kubeconfig (expected a mapping with clusters, users and contexts)`);
  }
  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromString(text);
  } catch (error) {
    throw new KubeconfigError(`${source} is invalid: ${firstLine((error as Error).message)}`);
  }
  return kubeConfig;
}

/** As kubectl merges `KUBECONFIG`: the first file that sets current-context wins. */
function mergeKubeconfig(into: KubeConfig, fileConfig: KubeConfig, source: string): void {
  const keepContext = Boolean(into.getCurrentContext());
  try {
    into.mergeConfig(fileConfig, keepContext);
  } catch (error) {
    throw new KubeconfigError(`the files of KUBECONFIG (${source}) cannot be merged: ${firstLine((error as Error).message)}`);
  }
}

function selectContext(kubeConfig: KubeConfig, requested: string | undefined, source: string): string {
  const names = kubeConfig.getContexts().map((context) => context.name);
  const available = names.length ? names.join(', ') : 'none';
  if (requested) {
    if (!names.includes(requested)) {
      throw new KubeconfigError(`context "${requested}" is not in ${source} (available: ${available})`);
    }
    kubeConfig.setCurrentContext(requested);
    return requested;
  }
  const current = kubeConfig.getCurrentContext();
  if (!current) throw new KubeconfigError(`${source} sets no current-context (pass --context; available: ${available})`);
  if (!names.includes(current)) {
    throw new KubeconfigError(`current-context "${current}" of ${source} is not one of its contexts (available: ${available})`);
  }
  return current;
}

function checkContext(kubeConfig: KubeConfig, contextName: string, source: string): string {
  const context = kubeConfig.getContextObject(contextName);
  const cluster = context ? kubeConfig.getCluster(context.cluster) : null;
  if (!context || !cluster) {
    throw new KubeconfigError(`context "${contextName}" of ${source} names cluster "${context?.cluster}", which is not defined`);
  }
  if (!/^https?:\/\/[^/]/.test(cluster.server)) {
    throw new KubeconfigError(`cluster "${cluster.name}" of ${source} has no usable server URL ("${cluster.server}")`);
  }
  if (cluster.server.startsWith('http:') && !cluster.skipTLSVerify) {
    // The client refuses plain HTTP unless TLS verification is explicitly off; say so before the first request.
    throw new KubeconfigError(`cluster "${cluster.name}" of ${source} uses plain HTTP without insecure-skip-tls-verify`);
  }
  if (context.user && !kubeConfig.getUser(context.user)) {
    throw new KubeconfigError(`context "${contextName}" of ${source} names user "${context.user}", which is not defined`);
  }
  const user = context.user ? kubeConfig.getUser(context.user) : null;
  const referencedFiles = [
    ['certificate-authority', cluster.caFile],
    ['client-certificate', user?.certFile],
    ['client-key', user?.keyFile],
  ] as const;
  for (const [field, file] of referencedFiles) {
    if (file && isAbsolute(file) && !existsSync(file)) {
      throw new KubeconfigError(`${field} ${file} named by ${source} does not exist`);
    }
  }
  return cluster.server;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
