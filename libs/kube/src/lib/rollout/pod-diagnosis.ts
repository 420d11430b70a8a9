import type { KubeApiClient } from '../api/kube-api-client';
import type { KubeObject } from '../api/kube-object';
import { labelSelectorQuery, type LabelSelector } from './label-selector';

/** Why one pod of a workload is not ready, in the words the cluster gave. */
export interface PodDiagnosis {
  pod: string;
  phase: string;
  /** Container states and pod conditions that keep it from being ready. */
  problems: string[];
  /** The latest Warning events about it, newest last. */
  warnings: string[];
}

interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; message?: string; exitCode?: number; finishedAt?: string };
}

interface ContainerStatus {
  name: string;
  ready?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

interface PodFields {
  metadata: { name: string; creationTimestamp?: string };
  status?: {
    phase?: string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
  };
}

interface EventFields {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  metadata: { creationTimestamp?: string };
  involvedObject?: { kind?: string; name?: string };
}

const MAX_PODS = 3;
const MAX_WARNINGS = 3;

/**
 * Finds the pods of a workload (by its selector) that are not ready and explains each: a
 * container's waiting reason (ImagePullBackOff, CrashLoopBackOff…), its last exit code, the pod's
 * failed conditions (Unschedulable…) and its latest Warning events. With no pods at all, the
 * workload's own warnings (a ReplicaSet's FailedCreate, say) explain why none were made.
 */
export async function diagnoseWorkloadPods(client: KubeApiClient, workload: KubeObject): Promise<PodDiagnosis[]> {
  const namespace = workload.metadata.namespace;
  const selector = (workload['spec'] as { selector?: LabelSelector } | undefined)?.selector;
  const pods = (await client.list('v1', 'Pod', namespace, { labelSelector: labelSelectorQuery(selector) })) as unknown as PodFields[];
  if (pods.length === 0) {
    const warnings = await workloadWarnings(client, workload);
    return [{ pod: '(none)', phase: 'no pods were created', problems: [], warnings }];
  }
  const unready = pods.filter((pod) => !podReady(pod)).slice(0, MAX_PODS);
  return Promise.all(
    unready.map(async (pod) => ({
      pod: pod.metadata.name,
      phase: pod.status?.phase ?? 'Unknown',
      problems: podProblems(pod),
      warnings: await podWarnings(client, namespace, pod.metadata.name),
    })),
  );
}

function podReady(pod: PodFields): boolean {
  return pod.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ?? false;
}

function podProblems(pod: PodFields): string[] {
  const containers = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const problems = containers.filter((container) => !container.ready).flatMap(containerProblem);
  if (problems.length) return problems;
  // No container explains it: the pod itself is stuck (not scheduled, volumes not bound).
  return (pod.status?.conditions ?? [])
    .filter((condition) => condition.status === 'False' && (condition.reason || condition.message))
    .map((condition) => `${condition.type}: ${[condition.reason, condition.message].filter(Boolean).join(': ')}`);
}

function containerProblem(container: ContainerStatus): string[] {
  const parts: string[] = [];
  const { waiting, terminated } = container.state ?? {};
  if (waiting?.reason) parts.push(`waiting: ${waiting.reason}${waiting.message ? ` (${oneLine(waiting.message)})` : ''}`);
  if (terminated) parts.push(`terminated: ${terminated.reason ?? 'exited'} with exit code ${terminated.exitCode ?? '?'}`);
  const last = container.lastState?.terminated;
  if (last) {
    const detail = last.message ? `: ${oneLine(last.message)}` : '';
    parts.push(`last run ended ${last.reason ?? 'exited'} with exit code ${last.exitCode ?? '?'}${detail}`);
  }
  if (container.restartCount) parts.push(`${container.restartCount} restarts`);
  if (!parts.length) parts.push('not ready (readiness probe failing?)');
  return [`container ${container.name}: ${parts.join('; ')}`];
}

async function podWarnings(client: KubeApiClient, namespace: string | undefined, pod: string): Promise<string[]> {
  const events = (await client.list('v1', 'Event', namespace, {
    fieldSelector: `involvedObject.kind=Pod,involvedObject.name=${pod}`,
  })) as unknown as EventFields[];
  return latestWarnings(events);
}

async function workloadWarnings(client: KubeApiClient, workload: KubeObject): Promise<string[]> {
  const name = workload.metadata.name;
  const events = (await client.list('v1', 'Event', workload.metadata.namespace, { fieldSelector: 'type=Warning' })) as unknown as EventFields[];
  // A Deployment's pods are made by its ReplicaSets, named `<deployment>-<hash>`.
  return latestWarnings(events.filter((event) => event.involvedObject?.name === name || event.involvedObject?.name?.startsWith(`${name}-`)));
}

function latestWarnings(events: EventFields[]): string[] {
  return events
    .filter((event) => event.type === 'Warning')
    .sort((a, b) => eventTime(a).localeCompare(eventTime(b)))
    .slice(-MAX_WARNINGS)
    .map((event) => `${event.reason ?? 'Warning'}${event.count && event.count > 1 ? ` (x${event.count})` : ''}: ${oneLine(event.message ?? '')}`);
}

function eventTime(event: EventFields): string {
  return event.lastTimestamp ?? event.eventTime ?? event.metadata.creationTimestamp ?? '';
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
