import type { KubeObject } from '../api/kube-object';
import type { LabelsEntry } from './kustomization-file';

type Labelled = { metadata?: { labels?: Record<string, string> } };

/**
 * kustomize's `labels:` without selectors: every object's metadata, and with includeTemplates the
 * templates kustomize knows (pod templates of the workload kinds, a StatefulSet's volume claim
 * templates, a CronJob's job template).
 */
export function applyLabels(objects: KubeObject[], entries: readonly LabelsEntry[]): KubeObject[] {
  return objects.map((original) => {
    const object = structuredClone(original);
    for (const entry of entries) {
      addLabels(object, entry.pairs);
      if (entry.includeTemplates) for (const template of templatesOf(object)) addLabels(template, entry.pairs);
    }
    return object;
  });
}

function addLabels(target: Labelled, pairs: Record<string, string>): void {
  target.metadata = target.metadata ?? {};
  target.metadata.labels = { ...target.metadata.labels, ...pairs };
}

function templatesOf(object: KubeObject): Labelled[] {
  const spec = object['spec'] as Record<string, unknown> | undefined;
  if (!spec) return [];
  const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '';
  const podTemplate = (holder: Record<string, unknown>): Labelled[] => {
    holder['template'] = holder['template'] ?? {};
    return [holder['template'] as Labelled];
  };
  switch (object.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
      return podTemplate(spec);
    case 'ReplicationController':
      return group === '' ? podTemplate(spec) : [];
    case 'Job':
      return group === 'batch' ? podTemplate(spec) : [];
    case 'StatefulSet':
      if (group !== 'apps') return [];
      return [...podTemplate(spec), ...((spec['volumeClaimTemplates'] as Labelled[] | undefined) ?? [])];
    case 'CronJob': {
      if (group !== 'batch') return [];
      spec['jobTemplate'] = spec['jobTemplate'] ?? {};
      const jobTemplate = spec['jobTemplate'] as Labelled & { spec?: Record<string, unknown> };
      jobTemplate.spec = jobTemplate.spec ?? {};
      return [jobTemplate, ...podTemplate(jobTemplate.spec)];
    }
    default:
      return [];
  }
}
