import type { KubeObject, ObjectReference } from '../api/kube-object';

/** What one apply did, in kubectl's words. */
export type ApplyOutcome = 'created' | 'configured' | 'unchanged';

export interface AppliedObject {
  reference: ObjectReference;
  /** `deployment.apps/inventory`, as kubectl prints it. */
  display: string;
  outcome: ApplyOutcome;
  /** A generated Secret that already existed and was left as it was. */
  keptExisting: boolean;
  /** The object as the server has it after the apply. */
  live: KubeObject;
}
