import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../api/kube-object';

/** The kubectl binary on PATH, if there is one: the reference the renderer is compared with. */
export const KUBECTL: string | undefined = (process.env['PATH'] ?? '')
  .split(delimiter)
  .filter(Boolean)
  .map((dir) => join(dir, 'kubectl'))
  .find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

/** `kubectl kustomize <dir>`, parsed into objects in its output order. */
export function kubectlKustomize(dir: string): KubeObject[] {
  if (!KUBECTL) throw new Error('no kubectl binary on PATH');
  const output = execFileSync(KUBECTL, ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return parseAllDocuments(output)
    .map((document) => document.toJS() as KubeObject | null)
    .filter((object): object is KubeObject => object !== null);
}
