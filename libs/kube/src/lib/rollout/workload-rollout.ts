import type { ObjectReference } from '../api/kube-object';
import type { PodDiagnosis } from './pod-diagnosis';
import type { RolloutStatus } from './rollout-status';

/** How one workload's rollout ended. */
export interface WorkloadRollout {
  reference: ObjectReference;
  display: string;
  status: RolloutStatus;
  /** The deadline passed while it was still progressing. */
  timedOut: boolean;
  /** For a rollout that did not complete: why its pods are not ready. */
  pods?: PodDiagnosis[];
}
