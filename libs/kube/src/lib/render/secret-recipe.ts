import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import type { KubeObject } from '../api/kube-object';
import { GENERATED_ANNOTATION } from '../apply/generated-secret';

/** How one key of a generated Secret gets its value. */
export type SecretValueRecipe =
  /** `bytes` random bytes, encoded; `prefix` marks what the value is (tokens). */
  | { random: 'hex' | 'base64' | 'base64url'; bytes: number; prefix?: string }
  /** Built from the other keys' values: `{postgres-password}` stands for that key's value. */
  | { template: string };

/**
 * A Secret the manifests reference but the repository must never hold: its values are made at
 * first deploy, and an applier creates it only when the cluster has none (GENERATED_ANNOTATION).
 */
export interface SecretRecipe {
  name: string;
  labels?: Record<string, string>;
  keys: Record<string, SecretValueRecipe>;
}

export type RandomBytes = (size: number) => Buffer;

/** A Secret made from `recipe` with fresh random values, annotated as generated. */
export function generateSecret(recipe: SecretRecipe, namespace: string, randomBytes: RandomBytes = cryptoRandomBytes): KubeObject {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(recipe.keys)) {
    if ('random' in value) values[key] = `${value.prefix ?? ''}${randomBytes(value.bytes).toString(value.random)}`;
  }
  for (const [key, value] of Object.entries(recipe.keys)) {
    if (!('template' in value)) continue;
    values[key] = value.template.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const filled = values[name];
      if (filled === undefined) throw new Error(`secret recipe ${recipe.name}: ${key} refers to {${name}}, which is not a random key of the recipe`);
      return filled;
    });
  }
  const data = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Buffer.from(value, 'utf8').toString('base64')]));
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: recipe.name,
      namespace,
      ...(recipe.labels ? { labels: { ...recipe.labels } } : {}),
      annotations: { [GENERATED_ANNOTATION]: 'true' },
    },
    type: 'Opaque',
    data,
  };
}
