import type { KubeObject } from '../api/kube-object';

/** Where a workload's rollout stands, with kubectl's sentence for it. */
export interface RolloutStatus {
  phase: 'progressing' | 'complete' | 'failed';
  message: string;
}

/** The kinds whose rollout can be awaited. */
export const ROLLOUT_KINDS = ['Deployment', 'StatefulSet'] as const;

export function hasRollout(object: Pick<KubeObject, 'apiVersion' | 'kind'>): boolean {
  return object.apiVersion === 'apps/v1' && (ROLLOUT_KINDS as readonly string[]).includes(object.kind);
}

interface WorkloadFields {
  metadata: { generation?: number };
  spec?: { replicas?: number; updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } } };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    currentRevision?: string;
    updateRevision?: string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
  };
}

/**
 * kubectl's rollout logic (kubectl/pkg/polymorphichelpers/rollout_status.go): nothing counts
 * until the controller has observed the current generation; then every replica must run the
 * new template, no old replica may remain, and the new ones must be available.
 */
export function rolloutStatus(object: KubeObject): RolloutStatus {
  return object.kind === 'StatefulSet' ? statefulSetStatus(object as unknown as WorkloadFields) : deploymentStatus(object as unknown as WorkloadFields);
}

function deploymentStatus(deployment: WorkloadFields): RolloutStatus {
  const status = deployment.status ?? {};
  if (!observed(deployment)) return { phase: 'progressing', message: 'waiting for the controller to observe the new generation' };
  const progressing = status.conditions?.find((condition) => condition.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return { phase: 'failed', message: `exceeded its progress deadline${progressing.message ? `: ${progressing.message}` : ''}` };
  }
  const desired = deployment.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const total = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  if (updated < desired) return { phase: 'progressing', message: `${updated} of ${desired} new replicas have been updated` };
  if (total > updated) return { phase: 'progressing', message: `${total - updated} old replicas are pending termination` };
  if (available < updated) return { phase: 'progressing', message: `${available} of ${updated} updated replicas are available` };
  return { phase: 'complete', message: `${available} of ${desired} replicas available` };
}

function statefulSetStatus(statefulSet: WorkloadFields): RolloutStatus {
  const status = statefulSet.status ?? {};
  if (!observed(statefulSet)) return { phase: 'progressing', message: 'waiting for the controller to observe the new generation' };
  const desired = statefulSet.spec?.replicas ?? 1;
  const ready = status.readyReplicas ?? 0;
  if (ready < desired) return { phase: 'progressing', message: `${ready} of ${desired} pods are ready` };
  if (statefulSet.spec?.updateStrategy?.type === 'OnDelete') return { phase: 'complete', message: `${ready} pods ready (OnDelete: pods update when deleted)` };
  const partition = statefulSet.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  if (partition > 0) {
    const updated = status.updatedReplicas ?? 0;
    const expected = desired - partition;
    if (updated < expected) return { phase: 'progressing', message: `${updated} of ${expected} pods updated (partition ${partition})` };
    return { phase: 'complete', message: `partitioned rollout done: ${updated} new pods` };
  }
  if (status.updateRevision !== status.currentRevision) {
    return { phase: 'progressing', message: `${status.updatedReplicas ?? 0} of ${desired} pods run revision ${status.updateRevision}` };
  }
  return { phase: 'complete', message: `${ready} of ${desired} pods ready at revision ${status.currentRevision}` };
}

function observed(workload: WorkloadFields): boolean {
  const generation = workload.metadata.generation ?? 0;
  const observedGeneration = workload.status?.observedGeneration ?? -1;
  return observedGeneration >= generation;
}
