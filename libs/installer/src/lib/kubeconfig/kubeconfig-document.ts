import { parse } from 'yaml';

/** One `name:` entry of a kubeconfig list, its other fields kept as they are. */
export interface NamedEntry {
  name: string;
  [field: string]: unknown;
}

/** A kubeconfig as plain data, so it is edited structurally rather than by string replacement. */
export interface KubeconfigDocument {
  apiVersion?: string;
  kind?: string;
  clusters: NamedEntry[];
  users: NamedEntry[];
  contexts: NamedEntry[];
  'current-context'?: string;
  [field: string]: unknown;
}

export class KubeconfigFileError extends Error {
  override readonly name = 'KubeconfigFileError';
}

export function parseKubeconfigDocument(text: string, source: string): KubeconfigDocument {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new KubeconfigFileError(`${source} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new KubeconfigFileError(`${source} is not a kubeconfig (expected a mapping)`);
  const document = data as Record<string, unknown>;
  return {
    ...document,
    apiVersion: (document['apiVersion'] as string | undefined) ?? 'v1',
    kind: (document['kind'] as string | undefined) ?? 'Config',
    clusters: namedList(document['clusters'], 'clusters', source),
    users: namedList(document['users'], 'users', source),
    contexts: namedList(document['contexts'], 'contexts', source),
  };
}

function namedList(value: unknown, field: string, source: string): NamedEntry[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((entry) => !entry || typeof entry !== 'object' || typeof (entry as NamedEntry).name !== 'string')) {
    throw new KubeconfigFileError(`${source}: ${field} must be a list of entries with a name`);
  }
  return value as NamedEntry[];
}
