import { KubeApiClient } from '../api/kube-api-client';
import type { KubeObject } from '../api/kube-object';
import type { AppliedObject } from '../apply/applied-object';
import { applyObjects } from '../apply/apply-objects';
import type { LoadedKubeconfig } from '../kubeconfig/load-kubeconfig';
import { waitForRollouts } from '../rollout/wait-for-rollouts';
import type { WorkloadRollout } from '../rollout/workload-rollout';
import { findApiEndpoints, type ApiEndpoint } from './api-endpoint';

export const DEFAULT_ROLLOUT_TIMEOUT_MS = 300_000;

export interface DeployObjectsOptions {
  objects: readonly KubeObject[];
  /** The cluster, as a loaded kubeconfig or a client already made from one. */
  cluster: LoadedKubeconfig | KubeApiClient;
  fieldManager?: string;
  forceConflicts?: boolean;
  /** How long all rollouts together may take; default 5 minutes. */
  rolloutTimeoutMs?: number;
  /** Progress, one line at a time. */
  log?: (line: string) => void;
}

/** What a deploy did: each object's outcome, each workload's rollout, where the API answers. */
export interface DeployReport {
  applied: AppliedObject[];
  rollouts: WorkloadRollout[];
  endpoints: ApiEndpoint[];
}

/**
 * Applies the objects, waits for every workload among them to roll out, and finds where the API
 * answers. A failed rollout throws RolloutFailedError; a bad object throws the server's reason.
 */
export async function deployObjects(options: DeployObjectsOptions): Promise<DeployReport> {
  const client = options.cluster instanceof KubeApiClient ? options.cluster : new KubeApiClient(options.cluster);
  const log = options.log;
  log?.(`applying ${options.objects.length} objects to ${client.server} (context ${client.context})`);
  const applied = await applyObjects(client, options.objects, { fieldManager: options.fieldManager, forceConflicts: options.forceConflicts, log });
  const live = applied.map((object) => object.live);
  const rollouts = await waitForRollouts(client, live, { timeoutMs: options.rolloutTimeoutMs ?? DEFAULT_ROLLOUT_TIMEOUT_MS, log });
  const endpoints = await findApiEndpoints(client, live);
  return { applied, rollouts, endpoints };
}
