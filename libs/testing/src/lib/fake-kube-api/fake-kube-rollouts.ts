import { createHash } from 'node:crypto';
import { findResourceByKind, type FakeKubeResource } from './fake-kube-resources';
import type { FakeKubeObject, FakeKubeStore, FakeWatchEventType } from './fake-kube-store';

/** How the fake's stand-in for the controllers and kubelet treats a workload's rollout. */
export type FakeRolloutBehaviour =
  /** Every replica becomes ready and available. */
  | { outcome: 'ready' }
  /** The controller observes the generation; no replica ever becomes ready, and there are no pods to explain why. */
  | { outcome: 'stuck' }
  /** Pods are created and fail: a waiting container with this reason, Warning events as the kubelet writes them. */
  | { outcome: 'failing'; reason: string; message?: string; exitCode?: number };

interface WorkloadFields {
  spec?: {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> };
    template?: { metadata?: { labels?: Record<string, string> }; spec?: { containers?: { name: string; image?: string }[] } };
  };
}

const CONTROLLER = 'fake-kube-controller';
const MAX_PODS = 3;

/**
 * Plays the Deployment and StatefulSet controllers and the kubelet: shortly after a workload's
 * generation changes it writes the status a real cluster would reach, or creates failing pods
 * with their container states and events. A workload it has already reconciled at its
 * generation is left alone, so a no-change deploy writes nothing.
 */
export class FakeKubeRollouts {
  private readonly behaviours = new Map<string, FakeRolloutBehaviour>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** What the fake made for each failing workload, removed when it reconciles the workload again. */
  private readonly madeFor = new Map<string, { resource: FakeKubeResource; name: string }[]>();

  constructor(
    private readonly store: FakeKubeStore,
    private readonly defaultBehaviour: FakeRolloutBehaviour,
    private readonly delayMs: number,
  ) {
    store.changes.on('change', (type, resource, object) => this.onChange(type, resource, object));
  }

  /** Sets how `name` rolls out from now on, and reconciles it at once if it exists. */
  setBehaviour(namespace: string, name: string, behaviour: FakeRolloutBehaviour): void {
    this.behaviours.set(`${namespace}/${name}`, behaviour);
    for (const kind of ['Deployment', 'StatefulSet']) {
      const resource = findResourceByKind('apps/v1', kind) as FakeKubeResource;
      const workload = this.store.get(resource, namespace, name);
      if (workload) this.schedule(resource, workload);
    }
  }

  stop(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }

  private onChange(type: FakeWatchEventType, resource: FakeKubeResource, object: FakeKubeObject): void {
    if (type === 'DELETED' || resource.group !== 'apps' || !['Deployment', 'StatefulSet'].includes(resource.kind)) return;
    const observed = (object['status'] as { observedGeneration?: number } | undefined)?.observedGeneration;
    if (observed !== object.metadata['generation']) this.schedule(resource, object);
  }

  private schedule(resource: FakeKubeResource, workload: FakeKubeObject): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const current = this.store.get(resource, workload.metadata.namespace, workload.metadata.name);
      if (current) this.reconcile(resource, current);
    }, this.delayMs);
    this.timers.add(timer);
  }

  private reconcile(resource: FakeKubeResource, workload: FakeKubeObject): void {
    const namespace = workload.metadata.namespace as string;
    const name = workload.metadata.name;
    const behaviour = this.behaviours.get(`${namespace}/${name}`) ?? this.defaultBehaviour;
    const spec = (workload as WorkloadFields).spec ?? {};
    const replicas = spec.replicas ?? 1;
    const generation = workload.metadata['generation'] as number;
    const revision = `${name}-${revisionHash(spec.template)}`;
    this.removePods(namespace, name);
    const readyReplicas = behaviour.outcome === 'ready' ? replicas : 0;
    const status: Record<string, unknown> = {
      observedGeneration: generation,
      replicas,
      updatedReplicas: replicas,
      readyReplicas,
      availableReplicas: readyReplicas,
      ...(readyReplicas < replicas ? { unavailableReplicas: replicas - readyReplicas } : {}),
    };
    if (resource.kind === 'StatefulSet') {
      Object.assign(status, { currentReplicas: replicas, currentRevision: revision, updateRevision: revision });
      delete status['availableReplicas'];
    } else {
      status['conditions'] = [
        { type: 'Available', status: readyReplicas >= replicas ? 'True' : 'False', reason: readyReplicas >= replicas ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable' },
        { type: 'Progressing', status: 'True', reason: readyReplicas >= replicas ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated' },
      ];
    }
    this.store.writeStatus(resource, namespace, name, status);
    if (behaviour.outcome === 'failing') this.createFailingPods(resource, workload, behaviour, Math.min(replicas, MAX_PODS), revision);
  }

  private createFailingPods(
    resource: FakeKubeResource,
    workload: FakeKubeObject,
    failure: Extract<FakeRolloutBehaviour, { outcome: 'failing' }>,
    count: number,
    revision: string,
  ): void {
    const podResource = findResourceByKind('v1', 'Pod') as FakeKubeResource;
    const eventResource = findResourceByKind('v1', 'Event') as FakeKubeResource;
    const namespace = workload.metadata.namespace as string;
    const spec = (workload as WorkloadFields).spec ?? {};
    const labels = { ...(spec.template?.metadata?.labels ?? {}), ...(spec.selector?.matchLabels ?? {}) };
    const containers = spec.template?.spec?.containers ?? [{ name: 'main' }];
    const made: { resource: FakeKubeResource; name: string }[] = [];
    for (let index = 0; index < count; index++) {
      const podName = resource.kind === 'StatefulSet' ? `${workload.metadata.name}-${index}` : `${revision}-${randomSuffix(index)}`;
      this.store.create(podResource, namespace, { apiVersion: 'v1', kind: 'Pod', metadata: { name: podName, namespace, labels }, spec: { containers } }, CONTROLLER);
      this.store.writeStatus(podResource, namespace, podName, failingPodStatus(containers, failure, podName));
      made.push({ resource: podResource, name: podName });
      kubeletEvents(podName, containers[0]?.name ?? 'main', containers[0]?.image ?? '', failure).forEach((event, eventIndex) => {
        const eventName = `${podName}.${eventIndex}`;
        this.store.create(eventResource, namespace, { ...event, metadata: { name: eventName, namespace } }, CONTROLLER);
        made.push({ resource: eventResource, name: eventName });
      });
    }
    this.madeFor.set(`${namespace}/${workload.metadata.name}`, made);
  }

  private removePods(namespace: string, workload: string): void {
    for (const { resource, name } of this.madeFor.get(`${namespace}/${workload}`) ?? []) this.store.delete(resource, namespace, name);
    this.madeFor.delete(`${namespace}/${workload}`);
  }
}

function failingPodStatus(containers: { name: string; image?: string }[], failure: Extract<FakeRolloutBehaviour, { outcome: 'failing' }>, podName: string): object {
  const pulling = /Image|ErrImage/.test(failure.reason);
  const started = new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    phase: pulling ? 'Pending' : 'Running',
    conditions: [
      { type: 'PodScheduled', status: 'True' },
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${containers.map((c) => c.name).join(' ')}]` },
    ],
    containerStatuses: containers.map((container) => ({
      name: container.name,
      image: container.image,
      ready: false,
      restartCount: pulling ? 0 : 4,
      state: { waiting: { reason: failure.reason, message: failure.message ?? defaultMessage(failure.reason, container, podName) } },
      ...(pulling ? {} : { lastState: { terminated: { exitCode: failure.exitCode ?? 1, reason: 'Error', startedAt: started, finishedAt: started } } }),
    })),
  };
}

function defaultMessage(reason: string, container: { name: string; image?: string }, podName: string): string {
  if (/Image|ErrImage/.test(reason)) return `Back-off pulling image "${container.image}"`;
  if (reason === 'CrashLoopBackOff') return `back-off 40s restarting failed container=${container.name} pod=${podName}`;
  return reason;
}

/** What the kubelet records about such a pod: a Normal event first, then the Warnings. */
function kubeletEvents(
  podName: string,
  container: string,
  image: string,
  failure: Extract<FakeRolloutBehaviour, { outcome: 'failing' }>,
): { apiVersion: string; kind: string; [field: string]: unknown }[] {
  const now = new Date();
  const at = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const event = (type: string, reason: string, message: string, count: number, secondsAgo: number) => ({
    apiVersion: 'v1',
    kind: 'Event',
    type,
    reason,
    message,
    count,
    firstTimestamp: at(60),
    lastTimestamp: at(secondsAgo),
    source: { component: 'kubelet' },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: podName, fieldPath: `spec.containers{${container}}` },
  });
  if (/Image|ErrImage/.test(failure.reason)) {
    return [
      event('Normal', 'Pulling', `Pulling image "${image}"`, 3, 30),
      event('Warning', 'Failed', `Failed to pull image "${image}": ${failure.message ?? 'not found'}`, 3, 20),
      event('Warning', 'Failed', `Error: ${failure.reason}`, 3, 10),
    ];
  }
  return [
    event('Normal', 'Started', `Started container ${container}`, 5, 40),
    event('Warning', 'BackOff', `Back-off restarting failed container ${container} in pod ${podName}`, 7, 5),
  ];
}

function revisionHash(template: unknown): string {
  return createHash('sha256').update(JSON.stringify(template ?? {})).digest('hex').slice(0, 10);
}

function randomSuffix(index: number): string {
  return createHash('sha256').update(`${Date.now()}-${index}-${Math.random()}`).digest('hex').slice(0, 5);
}
