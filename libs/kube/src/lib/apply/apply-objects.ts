import type { KubeApiClient } from '../api/kube-api-client';
import { KubeApiError } from '../api/kube-api-error';
import { displayName, referenceOf, type KubeObject } from '../api/kube-object';
import type { AppliedObject } from './applied-object';
import { sortForApply } from './apply-order';
import { isGeneratedSecret } from './generated-secret';
import { objectChanged } from './object-change';

/** The one field manager every netkeep deploy applies as, so later applies own and prune the same fields. */
export const DEFAULT_FIELD_MANAGER = 'netkeep-deploy';

export interface ApplyObjectsOptions {
  fieldManager?: string;
  /** Take over fields another manager (kubectl, a person) set; off by default so such edits surface as conflicts. */
  forceConflicts?: boolean;
  /** One line per object as it is applied. */
  log?: (line: string) => void;
}

/**
 * Server-side applies `objects` one at a time in dependency order and says for each whether it
 * was created, configured or left unchanged. Generated Secrets are created only when absent:
 * re-rendering generates new values, and overwriting would lock every service out of its data.
 */
export async function applyObjects(
  client: KubeApiClient,
  objects: readonly KubeObject[],
  options: ApplyObjectsOptions = {},
): Promise<AppliedObject[]> {
  const fieldManager = options.fieldManager ?? DEFAULT_FIELD_MANAGER;
  const applied: AppliedObject[] = [];
  for (const object of sortForApply(objects)) {
    const result = isGeneratedSecret(object)
      ? await createIfAbsent(client, object, fieldManager)
      : await applyOne(client, object, fieldManager, options.forceConflicts ?? false);
    options.log?.(describeApplied(result));
    applied.push(result);
  }
  return applied;
}

export function describeApplied(applied: AppliedObject): string {
  return `${applied.display} ${applied.outcome}${applied.keptExisting ? ' (generated once, kept)' : ''}`;
}

async function applyOne(client: KubeApiClient, object: KubeObject, fieldManager: string, force: boolean): Promise<AppliedObject> {
  const reference = referenceOf(object);
  const before = await client.get(reference);
  try {
    const live = await client.apply(object, { fieldManager, force });
    const outcome = !before ? 'created' : objectChanged(before, live) ? 'configured' : 'unchanged';
    return { reference: referenceOf(live), display: displayName(reference), outcome, keptExisting: false, live };
  } catch (error) {
    if (error instanceof KubeApiError && error.reason === 'Conflict' && !force) {
      throw new KubeApiError(
        error.statusCode,
        error.reason,
        `${error.serverMessage}; another manager owns these fields (re-run with force conflicts to take them over)`,
        `apply ${displayName(reference)}`,
      );
    }
    throw error;
  }
}

async function createIfAbsent(client: KubeApiClient, object: KubeObject, fieldManager: string): Promise<AppliedObject> {
  const reference = referenceOf(object);
  const display = displayName(reference);
  const existing = await client.get(reference);
  if (existing) return { reference: referenceOf(existing), display, outcome: 'unchanged', keptExisting: true, live: existing };
  try {
    const live = await client.create(object, fieldManager);
    return { reference: referenceOf(live), display, outcome: 'created', keptExisting: false, live };
  } catch (error) {
    // A deploy running beside this one created it first: theirs stands, as it would have.
    if (error instanceof KubeApiError && error.reason === 'AlreadyExists') {
      const live = (await client.get(reference)) as KubeObject;
      return { reference: referenceOf(live), display, outcome: 'unchanged', keptExisting: true, live };
    }
    throw error;
  }
}
