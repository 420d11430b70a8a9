import { stringify } from 'yaml';
import type { KubeObject } from '../api/kube-object';

export interface ToYamlOptions {
  /** Print `<redacted>` for every value of a Secret's data and stringData (dry runs, logs). */
  redactSecretData?: boolean;
}

/** A multi-document YAML stream laid out as `kubectl kustomize` prints: keys sorted, lists not indented. */
export function toYaml(objects: readonly KubeObject[], options: ToYamlOptions = {}): string {
  return objects
    .map((object) => (options.redactSecretData && object.kind === 'Secret' ? redactSecret(object) : object))
    .map((object) => stringify(object, { version: '1.1', sortMapEntries: true, indentSeq: false, lineWidth: 0 }))
    .join('---\n');
}

function redactSecret(secret: KubeObject): KubeObject {
  const redacted: KubeObject = { ...secret };
  for (const field of ['data', 'stringData']) {
    const values = secret[field];
    if (values && typeof values === 'object') redacted[field] = Object.fromEntries(Object.keys(values).map((key) => [key, '<redacted>']));
  }
  return redacted;
}
