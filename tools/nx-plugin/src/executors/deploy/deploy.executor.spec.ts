import type { ExecutorContext } from '@nx/devkit';
import { buildScratchOciArchive, startFakeKubeApiServer, startFakeOciRegistry, type FakeKubeApiServer } from '@netkeep/testing';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import deployExecutor from './deploy.executor';
import { runDeploy, type ImageBuilder } from './run-deploy';

const WORKSPACE = resolve(__dirname, '../../../../..');
const DEPLOY = { executor: '@netkeep/nx-plugin:deploy' };
// Decided while the suite is collected, which cannot wait for a promise.
const hasBuildah = spawnSync('buildah', ['version'], { stdio: 'ignore' }).status === 0;

/** The slice of Nx's context the executor reads: the workspace's three services with deploy targets. */
function executorContext(projectName: string): ExecutorContext {
  const projects = {
    inventory: { root: 'apps/inventory', targets: { deploy: DEPLOY } },
    'config-backup': { root: 'apps/config-backup', targets: { deploy: DEPLOY } },
    telemetry: { root: 'apps/telemetry', targets: { deploy: DEPLOY } },
    'inventory-domain': { root: 'libs/inventory', targets: {} },
  };
  return { root: WORKSPACE, cwd: WORKSPACE, isVerbose: false, projectName, targetName: 'deploy', projectsConfigurations: { version: 2, projects } } as unknown as ExecutorContext;
}

type DeploymentObject = { spec: { template: { spec: { containers: { image: string }[] } } } };

/** A stand-in for the image build that must not be reached. */
const neverBuilds: ImageBuilder = () => Promise.reject(new Error('the image was built'));

function captureConsole(): { out: () => string; err: () => string } {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  return { out: () => log.mock.calls.map((call) => call.join(' ')).join('\n'), err: () => error.mock.calls.map((call) => call.join(' ')).join('\n') };
}

describe('the deploy executor', () => {
  let fake: FakeKubeApiServer;
  let dir: string;
  let kubeconfig: string;

  beforeEach(async () => {
    fake = await startFakeKubeApiServer({ ingressAddresses: ['192.168.50.10'] });
    dir = await mkdtemp(join(tmpdir(), 'netkeep-deploy-executor-'));
    kubeconfig = await fake.writeKubeconfig(dir);
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the objects of a dry run as YAML: the service and what it shares, secret values redacted, nothing sent', async () => {
    const console = captureConsole();

    const result = await deployExecutor({ dryRun: true, image: 'registry.local/netkeep/inventory:3.1.0' }, executorContext('inventory'));

    expect(result).toEqual({ success: true });
    const yaml = console.out();
    expect(yaml).toContain('image: registry.local/netkeep/inventory:3.1.0');
    expect(yaml).toContain('name: redis');
    expect(yaml).not.toMatch(/^ {2}name: telemetry$/m);
    expect(yaml).toMatch(/secret-key: <redacted>/);
    expect(fake.requests).toEqual([]);
  });

  it('deploys a given image and reports what changed and where the API answers', async () => {
    const console = captureConsole();

    const result = await deployExecutor({ image: 'registry.local/netkeep/telemetry:3.1.0', kubeconfig, timeout: 10 }, executorContext('telemetry'));

    expect(console.err()).toBe('');
    expect(result).toEqual({ success: true });
    expect(console.out()).toContain('deployment.apps/telemetry created');
    expect(console.out()).toContain('API: http://192.168.50.10/api/v1  (from Ingress netkeep/netkeep-api status)');
    const deployment = fake.get('apps/v1', 'Deployment', 'netkeep', 'telemetry') as unknown as { spec: { template: { spec: { containers: { image: string }[] } } } };
    expect(deployment.spec.template.spec.containers[0]?.image).toBe('registry.local/netkeep/telemetry:3.1.0');
  });

  it('fails with one line for a bad kubeconfig, before building anything', async () => {
    const console = captureConsole();

    const result = await deployExecutor({ kubeconfig: join(dir, 'nope.yaml') }, executorContext('inventory'));

    expect(result).toEqual({ success: false });
    expect(console.err()).toBe(`kubeconfig ${join(dir, 'nope.yaml')} does not exist`);
    expect(console.out()).not.toContain('building');
  });

  it('fails a rollout that never becomes ready and says which pod failed and why', async () => {
    fake.setRollout('netkeep', 'config-backup-worker', { outcome: 'failing', reason: 'CrashLoopBackOff', exitCode: 78 });
    const console = captureConsole();

    const result = await deployExecutor({ image: 'registry.local/netkeep/config-backup:3.1.0', kubeconfig, timeout: 1 }, executorContext('config-backup'));

    expect(result).toEqual({ success: false });
    expect(console.err()).toContain('deployment.apps/config-backup-worker in netkeep not ready after 1 s');
    expect(console.err()).toContain('waiting: CrashLoopBackOff');
    expect(console.err()).toContain('exit code 78');
  });

  it('builds the image when none is given and deploys what was built', async () => {
    const built: string[] = [];
    const builder: ImageBuilder = async (target) => {
      built.push(target.service);
      return { reference: 'localhost/netkeep/inventory:0.1.0-abc123', archivePath: join(dir, 'inventory.oci.tar'), compressedBytes: 42 * 1024 * 1024 };
    };
    const lines: string[] = [];
    const target = { service: 'inventory', deployable: ['inventory', 'config-backup', 'telemetry'], workspaceRoot: WORKSPACE };

    await runDeploy({ kubeconfig, timeout: 10 }, target, { out: (line) => lines.push(line) }, builder);

    expect(built).toEqual(['inventory']);
    expect(lines).toContain(`built localhost/netkeep/inventory:0.1.0-abc123 (42.0 MB compressed): ${join(dir, 'inventory.oci.tar')}`);
    const deployment = fake.get('apps/v1', 'Deployment', 'netkeep', 'inventory') as unknown as { spec: { template: { spec: { containers: { image: string }[] } } } };
    expect(deployment.spec.template.spec.containers[0]?.image).toBe('localhost/netkeep/inventory:0.1.0-abc123');
  });

  it('refuses --import-to with --image: there is no archive to copy', async () => {
    const target = { service: 'inventory', deployable: ['inventory'], workspaceRoot: WORKSPACE };
    await expect(runDeploy({ image: 'x/netkeep/inventory:1', importTo: 'root@10.0.0.5', kubeconfig }, target, { out: () => undefined })).rejects.toThrow(
      '--import-to copies the image archive this deploy builds',
    );
  });

  it.skipIf(!hasBuildah)(
    hasBuildah
      ? 'pushes the built image to --registry with the credentials from the environment and deploys it from there'
      : 'pushes the built image to --registry (skipped: buildah is not installed)',
    async () => {
      const credentials = { username: 'netkeep-deployer', password: 'registry secret' };
      const registry = await startFakeOciRegistry({ credentials });
      vi.stubEnv('NETKEEP_REGISTRY_USERNAME', credentials.username);
      vi.stubEnv('NETKEEP_REGISTRY_PASSWORD', credentials.password);
      const builder: ImageBuilder = async () => {
        const archivePath = join(dir, 'inventory.oci.tar');
        await buildScratchOciArchive({ archivePath, reference: 'localhost/netkeep/inventory:0.1.0-abc123', files: { '/app/main.js': 'console.log("stand-in");\n' } });
        return { reference: 'localhost/netkeep/inventory:0.1.0-abc123', archivePath, compressedBytes: 1024 };
      };
      const lines: string[] = [];
      const target = { service: 'inventory', deployable: ['inventory', 'config-backup', 'telemetry'], workspaceRoot: WORKSPACE };

      try {
        await runDeploy({ kubeconfig, timeout: 10, registry: registry.host, insecureRegistry: true }, target, { out: (line) => lines.push(line) }, builder);

        const pushedReference = `${registry.host}/netkeep/inventory:0.1.0-abc123`;
        const manifest = registry.manifest('netkeep/inventory', '0.1.0-abc123');
        expect(manifest).toBeDefined();
        expect(lines).toContain(`pushed ${pushedReference} (${manifest?.digest})`);
        expect(lines.join('\n')).not.toContain('exists only on this machine');
        expect(lines.join('\n')).not.toContain(credentials.password);
        expect(registry.requests.filter((request) => request.method === 'PUT').map((request) => request.username)).toEqual(expect.arrayContaining([credentials.username]));
        const deployment = fake.get('apps/v1', 'Deployment', 'netkeep', 'inventory') as unknown as DeploymentObject;
        expect(deployment.spec.template.spec.containers[0]?.image).toBe(pushedReference);
      } finally {
        await registry.close();
      }
    },
  );

  it('refuses --registry with --import-to in one line, before building', async () => {
    const target = { service: 'inventory', deployable: ['inventory'], workspaceRoot: WORKSPACE };
    await expect(runDeploy({ registry: 'registry.example.net:5000', importTo: 'root@10.0.0.5', kubeconfig }, target, { out: () => undefined }, neverBuilds)).rejects.toThrow(
      /^--registry and --import-to are two ways to get the built image to the nodes; choose one$/,
    );
  });

  it('refuses a registry given as a URL, and --insecure-registry alone, before building', async () => {
    const target = { service: 'inventory', deployable: ['inventory'], workspaceRoot: WORKSPACE };
    const deploy = (options: Parameters<typeof runDeploy>[0]) => runDeploy({ kubeconfig, ...options }, target, { out: () => undefined }, neverBuilds);

    await expect(deploy({ registry: 'http://127.0.0.1:5000' })).rejects.toThrow('is host[:port][/path] without a scheme (plain HTTP: --insecure-registry)');
    await expect(deploy({ insecureRegistry: true })).rejects.toThrow('--insecure-registry says how to reach --registry, which is not given');
  });

  it('refuses a registry username without a password, before building', async () => {
    vi.stubEnv('NETKEEP_REGISTRY_USERNAME', 'netkeep-deployer');
    vi.stubEnv('NETKEEP_REGISTRY_PASSWORD', '');
    const target = { service: 'inventory', deployable: ['inventory'], workspaceRoot: WORKSPACE };

    await expect(runDeploy({ registry: '127.0.0.1:5000', kubeconfig }, target, { out: () => undefined }, neverBuilds)).rejects.toThrow(
      'set both NETKEEP_REGISTRY_USERNAME and NETKEEP_REGISTRY_PASSWORD, or neither',
    );
  });
});
