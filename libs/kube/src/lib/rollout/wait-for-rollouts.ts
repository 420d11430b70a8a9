import type { KubeApiClient, WatchHandle } from '../api/kube-api-client';
import { displayName, referenceOf, type KubeObject } from '../api/kube-object';
import { diagnoseWorkloadPods } from './pod-diagnosis';
import { RolloutFailedError } from './rollout-failed-error';
import { hasRollout, rolloutStatus, type RolloutStatus } from './rollout-status';
import type { WorkloadRollout } from './workload-rollout';

export interface WaitForRolloutsOptions {
  /** One deadline for all workloads together. */
  timeoutMs: number;
  /** A line each time a workload's status changes. */
  log?: (line: string) => void;
}

/** Pause before watching again after the server closed a watch; avoids a hot loop on a flapping server. */
const REWATCH_DELAY_MS = 250;
/** Longest single watch; the server may cut it sooner, and it is then resumed. */
const MAX_WATCH_SECONDS = 300;

/**
 * Waits, by watching, until every Deployment and StatefulSet among `objects` has rolled out.
 * Throws a RolloutFailedError naming the failing pods and their reasons when one fails or the
 * deadline passes; otherwise returns how each one ended.
 */
export async function waitForRollouts(
  client: KubeApiClient,
  objects: readonly KubeObject[],
  options: WaitForRolloutsOptions,
): Promise<WorkloadRollout[]> {
  const deadline = Date.now() + options.timeoutMs;
  const workloads = objects.filter(hasRollout);
  const rollouts = await Promise.all(workloads.map((workload) => watchRollout(client, workload, deadline, options.log)));
  const failed = rollouts.filter((rollout) => rollout.status.phase !== 'complete');
  if (failed.length === 0) return rollouts;
  await Promise.all(
    failed.map(async (rollout) => {
      const workload = workloads.find((candidate) => candidate.metadata.name === rollout.reference.name && candidate.kind === rollout.reference.kind);
      rollout.pods = workload ? await diagnoseWorkloadPods(client, { ...workload, metadata: { ...workload.metadata, namespace: rollout.reference.namespace } }) : [];
    }),
  );
  throw new RolloutFailedError(failed, options.timeoutMs);
}

function watchRollout(client: KubeApiClient, workload: KubeObject, deadline: number, log?: (line: string) => void): Promise<WorkloadRollout> {
  const reference = referenceOf(workload);
  const display = displayName(reference);
  return new Promise((resolve) => {
    let status: RolloutStatus = { phase: 'progressing', message: 'not seen by a watch yet' };
    let namespace = reference.namespace;
    let handle: WatchHandle | undefined;
    let settled = false;

    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      handle?.stop();
      resolve({ reference: { ...reference, namespace }, display, status, timedOut });
    };
    const timer = setTimeout(() => finish(true), Math.max(0, deadline - Date.now()));

    const onEvent = (type: string, object: KubeObject) => {
      if (type === 'ERROR' || type === 'BOOKMARK') return;
      namespace = object.metadata.namespace ?? namespace;
      const next: RolloutStatus = type === 'DELETED' ? { phase: 'failed', message: 'was deleted during the rollout' } : rolloutStatus(object);
      if (next.message !== status.message) log?.(`${display}: ${next.message}`);
      status = next;
      if (status.phase !== 'progressing') finish(false);
    };

    const watchAgain = (delayMs: number) => {
      if (!settled) setTimeout(start, delayMs);
    };

    const start = async () => {
      if (settled) return;
      const remainingSeconds = Math.ceil((deadline - Date.now()) / 1000);
      try {
        handle = await client.watch(
          reference.apiVersion,
          reference.kind,
          reference.namespace,
          { fieldSelector: `metadata.name=${reference.name}`, timeoutSeconds: Math.max(1, Math.min(remainingSeconds, MAX_WATCH_SECONDS)) },
          onEvent,
          (error) => {
            if (error && status.message.startsWith('not seen')) status = { phase: 'progressing', message: `watch failed: ${error.message}` };
            watchAgain(error ? 4 * REWATCH_DELAY_MS : REWATCH_DELAY_MS);
          },
        );
        if (settled) handle.stop();
      } catch (error) {
        status = { phase: 'progressing', message: `watch failed: ${(error as Error).message}` };
        watchAgain(4 * REWATCH_DELAY_MS);
      }
    };
    void start();
  });
}
