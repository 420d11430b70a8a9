import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderKustomization } from './render-kustomization';
import { type Container, K3S_OVERLAY, K8S_DIR, mebibytes, millicores, workloadsOf } from './testing/k3s-overlay';

/** netkeep's share of a 1 GiB node beside K3S: what the scheduler may reserve, and the memory ceilings together. */
const BUDGET = { requestsCpuMillicores: 500, requestsMemoryMi: 512, limitsMemoryMi: 1024 };

const RECOMMENDED_LABELS = ['name', 'instance', 'component', 'part-of', 'version', 'managed-by'].map((label) => `app.kubernetes.io/${label}`);
const NETKEEP_IMAGES = ['netkeep/inventory', 'netkeep/config-backup', 'netkeep/telemetry'];

const objects = renderKustomization(K3S_OVERLAY, { secretRecipes: [] });
const workloads = workloadsOf(objects);
const containers = workloads.flatMap((workload) => [...workload.pod.containers, ...(workload.pod.initContainers ?? [])].map((container) => ({ workload, container })));
const netkeepContainers = containers.filter(({ container }) => NETKEEP_IMAGES.some((image) => container.image.startsWith(`${image}:`)));
const label = (workload: (typeof workloads)[number]): string => `${workload.object.kind} ${workload.object.metadata.name}`;
const containerLabel = ({ workload, container }: (typeof containers)[number]): string => `${label(workload)} container ${container.name}`;

describe('every pod of the k3s overlay', () => {
  it('covers the workloads the platform needs', () => {
    expect(workloads.map(label).sort()).toEqual([
      'Deployment config-backup',
      'Deployment config-backup-worker',
      'Deployment inventory',
      'Deployment telemetry',
      'StatefulSet postgresql',
      'StatefulSet redis',
    ]);
  });

  it.each(workloads.map((workload) => [label(workload), workload] as const))('%s runs as non-root with the runtime seccomp profile and no service-account token', (_, workload) => {
    expect(workload.pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(workload.pod.securityContext?.['runAsUser']).toBeGreaterThan(0);
    expect(workload.pod.automountServiceAccountToken).toBe(false);
  });

  it.each(containers.map((entry) => [containerLabel(entry), entry.container] as const))('%s has a read-only root, no privilege escalation, no capabilities', (_, container) => {
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
  });

  it.each(containers.map((entry) => [containerLabel(entry), entry.container] as const))('%s has CPU and memory requests and limits', (_, container) => {
    for (const kind of ['requests', 'limits'] as const) {
      expect(container.resources?.[kind]?.['cpu'], kind).toMatch(/^\d+m?$/);
      expect(container.resources?.[kind]?.['memory'], kind).toMatch(/^\d+Mi$/);
    }
  });

  it.each(containers.map((entry) => [containerLabel(entry), entry.container] as const))('%s has liveness and readiness probes', (_, container) => {
    expect(container.livenessProbe).toBeDefined();
    expect(container.readinessProbe).toBeDefined();
  });

  it.each(netkeepContainers.map((entry) => [containerLabel(entry), entry.container] as const))('%s probes /healthz for liveness and /readyz for readiness', (_, container) => {
    expect(container.livenessProbe?.['httpGet']).toEqual({ path: '/healthz', port: 'http' });
    expect(container.readinessProbe?.['httpGet']).toEqual({ path: '/readyz', port: 'http' });
    expect(container.ports).toEqual([{ name: 'http', containerPort: 3000 }]);
  });

  it.each(containers.map((entry) => [containerLabel(entry), entry] as const))('%s has a writable /tmp on an emptyDir', (_, { workload, container }) => {
    const mount = container.volumeMounts?.find((candidate) => candidate.mountPath === '/tmp');
    expect(mount).toBeDefined();
    expect(workload.pod.volumes?.find((volume) => volume.name === mount?.name)?.emptyDir).toBeDefined();
  });

  it.each(workloads.map((workload) => [label(workload), workload] as const))('%s carries the app.kubernetes.io labels on itself and its pods', (_, workload) => {
    for (const key of RECOMMENDED_LABELS) {
      expect(workload.object.metadata.labels?.[key], key).toBeTruthy();
      expect(workload.podLabels[key], key).toBeTruthy();
    }
    expect(workload.podLabels['app.kubernetes.io/part-of']).toBe('netkeep');
  });

  it.each(workloads.map((workload) => [label(workload), workload] as const))('%s says whether Prometheus scrapes its pods', (_, workload) => {
    expect(['true', 'false']).toContain(workload.podAnnotations['prometheus.io/scrape']);
  });

  it('every netkeep pod and Service is scraped at /metrics on its HTTP port', () => {
    const netkeepWorkloads = workloads.filter((workload) => workload.pod.containers.some((container) => NETKEEP_IMAGES.some((image) => container.image.startsWith(image))));
    const services = objects.filter((object) => object.kind === 'Service' && object.metadata.labels?.['app.kubernetes.io/component'] === 'api');
    expect(netkeepWorkloads).toHaveLength(4);
    expect(services).toHaveLength(3);
    const annotations = [...netkeepWorkloads.map((workload) => workload.podAnnotations), ...services.map((service) => service.metadata.annotations ?? {})];
    for (const annotation of annotations) expect(annotation).toEqual({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': '3000', 'prometheus.io/path': '/metrics' });
  });

  it('every Service carries a Prometheus scrape annotation', () => {
    for (const service of objects.filter((object) => object.kind === 'Service')) {
      expect(['true', 'false'], service.metadata.name).toContain(service.metadata.annotations?.['prometheus.io/scrape']);
    }
  });
});

describe('resources of the k3s overlay', () => {
  const total = (pick: (container: Container) => string | undefined, unit: (quantity: string) => number): number =>
    containers.reduce((sum, { workload, container }) => sum + unit(pick(container) ?? '0Mi') * workload.replicas, 0);
  const sums = {
    requestsCpu: total((container) => container.resources?.requests?.['cpu'], millicores),
    requestsMemory: total((container) => container.resources?.requests?.['memory'], mebibytes),
    limitsCpu: total((container) => container.resources?.limits?.['cpu'], millicores),
    limitsMemory: total((container) => container.resources?.limits?.['memory'], mebibytes),
  };

  it(`fits beside K3S on a 1 GiB node: requests within ${BUDGET.requestsCpuMillicores}m and ${BUDGET.requestsMemoryMi}Mi, memory limits within ${BUDGET.limitsMemoryMi}Mi`, () => {
    expect(sums.requestsCpu).toBeLessThanOrEqual(BUDGET.requestsCpuMillicores);
    expect(sums.requestsMemory).toBeLessThanOrEqual(BUDGET.requestsMemoryMi);
    expect(sums.limitsMemory).toBeLessThanOrEqual(BUDGET.limitsMemoryMi);
  });

  it('are summed correctly in the overlay comment', () => {
    const comment = readFileSync(join(K3S_OVERLAY, 'kustomization.yaml'), 'utf8');
    const sumLine = /^#\s+sum\s+(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$/m.exec(comment);
    expect(sumLine, 'the overlay comment has a "sum" row').not.toBeNull();
    const [, pods, requestsCpu, requestsMemory, limitsCpu, limitsMemory] = sumLine as RegExpExecArray;
    expect(Number(pods)).toBe(workloads.reduce((sum, workload) => sum + workload.replicas, 0));
    expect({ requestsCpu: millicores(requestsCpu), requestsMemory: mebibytes(requestsMemory), limitsCpu: millicores(limitsCpu), limitsMemory: mebibytes(limitsMemory) }).toEqual(sums);
  });

  it('limits each container to at least its request', () => {
    for (const { container } of containers) {
      expect(mebibytes(container.resources?.limits?.['memory'] ?? '0Mi')).toBeGreaterThanOrEqual(mebibytes(container.resources?.requests?.['memory'] ?? '0Mi'));
      expect(millicores(container.resources?.limits?.['cpu'] ?? '0')).toBeGreaterThanOrEqual(millicores(container.resources?.requests?.['cpu'] ?? '0'));
    }
  });
});

describe('workload shapes of the k3s overlay', () => {
  const workload = (name: string): (typeof workloads)[number] => {
    const found = workloads.find((candidate) => candidate.object.metadata.name === name);
    if (!found) throw new Error(`no workload ${name}`);
    return found;
  };
  const env = (name: string): Record<string, string | undefined> =>
    Object.fromEntries((workload(name).pod.containers[0].env ?? []).map((variable) => [variable.name, variable.value]));

  it('runs one config-backup API pod that owns the archive volume and is recreated, never doubled', () => {
    const api = workload('config-backup');
    expect(api.replicas).toBe(1);
    expect((api.object['spec'] as { strategy: { type: string } }).strategy.type).toBe('Recreate');
    expect(env('config-backup')['NETKEEP_BACKUP_ROLE']).toBe('api');
    expect(api.pod.volumes?.some((volume) => volume.persistentVolumeClaim?.claimName === 'config-backup-archive')).toBe(true);
  });

  it('scales backup workers out, with a disruption budget that keeps them running through a drain', () => {
    const worker = workload('config-backup-worker');
    expect(worker.replicas).toBeGreaterThanOrEqual(2);
    expect(env('config-backup-worker')['NETKEEP_BACKUP_ROLE']).toBe('worker');
    expect(worker.pod.volumes?.every((volume) => !volume.persistentVolumeClaim)).toBe(true);
  });

  it('gives every replicated workload a PodDisruptionBudget that selects its pods', () => {
    const budgets = objects.filter((object) => object.kind === 'PodDisruptionBudget');
    for (const replicated of workloads.filter((candidate) => candidate.replicas > 1)) {
      const budget = budgets.find((candidate) => {
        const selector = (candidate['spec'] as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
        return Object.entries(selector).every(([key, value]) => replicated.podLabels[key] === value);
      });
      expect(budget, label(replicated)).toBeDefined();
    }
  });

  it('points the backup and telemetry services at the inventory service', () => {
    for (const name of ['config-backup', 'config-backup-worker', 'telemetry']) expect(env(name)['NETKEEP_INVENTORY_URL']).toBe('http://inventory:3000');
  });

  it('keeps Redis on an append-only file and both data stores on local-path volumes', () => {
    const redisArgs = workload('redis').pod.containers[0]['args'] as string[];
    expect(redisArgs.join(' ')).toContain('--appendonly yes');
    for (const name of ['redis', 'postgresql']) {
      const claims = (workload(name).object['spec'] as { volumeClaimTemplates: { spec: { storageClassName: string } }[] }).volumeClaimTemplates;
      expect(claims.map((claim) => claim.spec.storageClassName)).toEqual(['local-path']);
    }
    const archive = objects.find((object) => object.kind === 'PersistentVolumeClaim' && object.metadata.name === 'config-backup-archive');
    expect((archive?.['spec'] as { storageClassName: string }).storageClassName).toBe('local-path');
  });

  it('names netkeep images so an images: entry or nx deploy can retag them, and pins every other image', () => {
    for (const { container } of containers) {
      if (NETKEEP_IMAGES.some((image) => container.image.startsWith(`${image}:`))) continue;
      expect(container.image, 'a third-party image is pinned by an exact version or digest').toMatch(/:(\d+\.\d+(\.\d+)?)(-[a-z0-9.]+)?$|@sha256:[0-9a-f]{64}$/);
    }
    expect(new Set(netkeepContainers.map(({ container }) => container.image.split(':')[0]))).toEqual(new Set(NETKEEP_IMAGES));
    for (const { container } of containers) expect(container['imagePullPolicy']).toBe('IfNotPresent');
  });
});

describe('secrets in the repository', () => {
  const manifestFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return manifestFiles(path);
      return /\.ya?ml$/.test(entry) || entry === 'Kustomization' ? [path] : [];
    });

  it('are none: no file under k8s/ holds a Secret, a secret generator or secret data', () => {
    const files = manifestFiles(K8S_DIR);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
        const content = document.toJS() as Record<string, unknown> | null;
        expect(content?.['kind'], file).not.toBe('Secret');
        expect(content && 'secretGenerator' in content, file).toBeFalsy();
      }
    }
  });

  it('are only referenced, by name, from the rendered manifests', () => {
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
    const secretVariables = ['POSTGRES_PASSWORD', 'NETKEEP_SECRET_KEY', 'NETKEEP_ADMIN_TOKEN', 'NETKEEP_SERVICE_TOKEN', 'DATABASE_URL'];
    const variables = containers.flatMap(({ container }) => container.env ?? []).filter((variable) => secretVariables.includes(variable.name));
    expect(variables.length).toBeGreaterThan(0);
    for (const variable of variables) {
      expect(variable.value, variable.name).toBeUndefined();
      expect(variable.valueFrom?.secretKeyRef?.name, variable.name).toBe('netkeep-secrets');
    }
  });
});
