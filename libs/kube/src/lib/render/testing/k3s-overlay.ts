import { resolve } from 'node:path';
import type { KubeObject } from '../../api/kube-object';

/** The repository's k8s/ tree and its K3S overlay, which the specs check. */
export const K8S_DIR = resolve(__dirname, '../../../../../../k8s');
export const K3S_OVERLAY = resolve(K8S_DIR, 'overlays/k3s');

/** A workload and the pod it runs, as the specs look at them. */
export interface Workload {
  object: KubeObject;
  replicas: number;
  podLabels: Record<string, string>;
  podAnnotations: Record<string, string>;
  pod: PodSpec;
}

export interface PodSpec {
  automountServiceAccountToken?: boolean;
  securityContext?: Record<string, unknown>;
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
  [field: string]: unknown;
}

export interface Volume {
  name: string;
  emptyDir?: Record<string, unknown>;
  persistentVolumeClaim?: { claimName: string };
  [field: string]: unknown;
}

export interface Probe {
  httpGet?: Record<string, unknown>;
  exec?: { command: string[] };
  [field: string]: unknown;
}

export interface Container {
  name: string;
  image: string;
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  ports?: { name?: string; containerPort: number }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown>;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  volumeMounts?: { name: string; mountPath: string }[];
  [field: string]: unknown;
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

export function workloadsOf(objects: readonly KubeObject[]): Workload[] {
  return objects
    .filter((object) => WORKLOAD_KINDS.has(object.kind))
    .map((object) => {
      const spec = object['spec'] as { replicas?: number; template: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: PodSpec } };
      return {
        object,
        replicas: spec.replicas ?? 1,
        podLabels: spec.template.metadata?.labels ?? {},
        podAnnotations: spec.template.metadata?.annotations ?? {},
        pod: spec.template.spec,
      };
    });
}

/** Kubernetes quantities as numbers: CPU in millicores, memory in MiB. */
export function millicores(quantity: string): number {
  return quantity.endsWith('m') ? Number(quantity.slice(0, -1)) : Number(quantity) * 1000;
}

export function mebibytes(quantity: string): number {
  const units: Record<string, number> = { Ki: 1 / 1024, Mi: 1, Gi: 1024 };
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi)$/.exec(quantity);
  if (!match) throw new Error(`memory quantity ${quantity} is not in Ki, Mi or Gi`);
  return Number(match[1]) * units[match[2]];
}
