import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { stringify } from 'yaml';
import type { KubeconfigSettings } from '../plan/cluster-plan';
import { parseKubeconfigDocument, type KubeconfigDocument, type NamedEntry } from './kubeconfig-document';

export type KubeconfigChange = 'created' | 'updated' | 'unchanged';

/** The file kubectl would read first: the plan's, else the first of KUBECONFIG, else ~/.kube/config. */
export function userKubeconfigFile(settings: KubeconfigSettings, env: NodeJS.ProcessEnv, homeDir: string): string {
  if (settings.path) return settings.path;
  const fromEnv = env['KUBECONFIG']?.split(delimiter).find(Boolean);
  return fromEnv ?? join(homeDir, '.kube', 'config');
}

/**
 * Puts the cluster's entries into the user's kubeconfig, replacing entries of the same name and
 * keeping every other cluster. The current context changes only when asked, or when the file
 * had none: switching someone's kubectl to another cluster behind their back is a surprise.
 * Written 0600 through a temporary file, so a crash never leaves half a kubeconfig.
 */
export async function mergeIntoKubeconfig(file: string, cluster: KubeconfigDocument, options: { setCurrentContext: boolean; write: boolean }): Promise<KubeconfigChange> {
  const existing = await readExisting(file);
  const base = existing ?? parseKubeconfigDocument('', file);
  const name = cluster.contexts[0]?.name ?? '';
  const merged: KubeconfigDocument = {
    ...base,
    clusters: replaceByName(base.clusters, cluster.clusters),
    users: replaceByName(base.users, cluster.users),
    contexts: replaceByName(base.contexts, cluster.contexts),
  };
  if (options.setCurrentContext || !base['current-context']) merged['current-context'] = name;
  if (existing && JSON.stringify(existing) === JSON.stringify(merged)) return 'unchanged';
  if (options.write) await writeKubeconfig(file, merged);
  return existing ? 'updated' : 'created';
}

/** Takes the cluster's entries out again (`down`); answers whether there were any. */
export async function removeFromKubeconfig(file: string, name: string, options: { write: boolean }): Promise<boolean> {
  const existing = await readExisting(file);
  if (!existing) return false;
  const without = (entries: NamedEntry[]) => entries.filter((entry) => entry.name !== name);
  const pruned: KubeconfigDocument = { ...existing, clusters: without(existing.clusters), users: without(existing.users), contexts: without(existing.contexts) };
  if (pruned['current-context'] === name) delete pruned['current-context'];
  if (JSON.stringify(pruned) === JSON.stringify(existing)) return false;
  if (options.write) await writeKubeconfig(file, pruned);
  return true;
}

async function readExisting(file: string): Promise<KubeconfigDocument | undefined> {
  try {
    return parseKubeconfigDocument(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Same-name entries are replaced where they stand, so a re-run leaves the file's order alone. */
function replaceByName(current: NamedEntry[], incoming: NamedEntry[]): NamedEntry[] {
  const byName = new Map(incoming.map((entry) => [entry.name, entry]));
  const replaced = current.map((entry) => byName.get(entry.name) ?? entry);
  const added = incoming.filter((entry) => !current.some((existing) => existing.name === entry.name));
  return [...replaced, ...added];
}

async function writeKubeconfig(file: string, document: KubeconfigDocument): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.netkeep-${process.pid}.tmp`;
  await writeFile(temporary, stringify(document), { mode: 0o600 });
  await rename(temporary, file);
}
