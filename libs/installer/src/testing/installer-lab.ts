import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { InstallerEnvironment } from '../lib/cluster/installer-environment';
import { buildStandInBundle, type StandInBundle } from './k3s-stand-in-bundle';
import { NetnsLab, type LabNode } from './netns-lab';
import { startStandInKubeApi, type StandInKubeApi } from './stand-in-kube-api';

/** A node of a test plan: the lab machine, its role, and which test user logs in. */
export interface PlanMember {
  node: LabNode;
  role: 'server' | 'agent';
  /** `nopasswd` (default) logs in with the lab key and has NOPASSWD sudo; `password` needs its password for sudo. */
  user?: 'nopasswd' | 'password';
  /** Fields merged into the node's plan entry. */
  extra?: Record<string, unknown>;
}

/**
 * Everything an installer test needs around the lab machines: the Kubernetes API the stand-in
 * nodes relay to (the caller's fake API server behind a node registry), an air-gap bundle of
 * stand-ins, a home directory for ~/.ssh, ~/.kube and the token, and plans that point at them.
 */
export class InstallerLab {
  private constructor(
    readonly lab: NetnsLab,
    readonly api: StandInKubeApi,
    readonly bundle: StandInBundle,
    readonly homeDir: string,
    readonly workDir: string,
  ) {}

  /** `fakeApi`: the fake Kubernetes API server of libs/testing, which deploys land on. */
  static async start(fakeApi: { url: string; token: string }): Promise<InstallerLab> {
    const lab = await NetnsLab.start();
    try {
      const api = await startStandInKubeApi({ host: lab.gateway, upstreamUrl: fakeApi.url, token: fakeApi.token });
      const workDir = await mkdtemp(join(tmpdir(), 'netkeep-installer-test-'));
      const bundle = await buildStandInBundle(join(workDir, 'k3s-bundle'), { host: api.host, port: api.port, token: fakeApi.token });
      const homeDir = join(workDir, 'home');
      await mkdir(join(homeDir, '.ssh'), { recursive: true, mode: 0o700 });
      return new InstallerLab(lab, api, bundle, homeDir, workDir);
    } catch (error) {
      await lab.stop();
      throw error;
    }
  }

  environment(env: NodeJS.ProcessEnv = {}): InstallerEnvironment {
    return { env, homeDir: this.homeDir, localUser: 'root' };
  }

  /** The file the installer merges the cluster's context into (~/.kube/config of the test home). */
  get kubeconfigFile(): string {
    return join(this.homeDir, '.kube', 'config');
  }

  get tokenFile(): string {
    return join(this.homeDir, '.config', 'netkeep', 'clusters', 'lab', 'token');
  }

  /** A plan for `members`, air-gapped with the stand-in bundle unless `overrides` say otherwise; written to a file. */
  async writePlan(name: string, members: readonly PlanMember[], overrides: Record<string, unknown> = {}): Promise<string> {
    const { users } = this.lab;
    const plan = {
      cluster: { name: 'lab' },
      k3s: { version: 'v1.33.4+k3s1', airgapBundle: this.bundle.dir },
      ssh: { identityFile: this.lab.clientKeyPath, agent: false, knownHostsFile: join(this.homeDir, '.ssh', 'known_hosts'), connectTimeoutSeconds: 15 },
      nodes: members.map((member) => ({
        name: member.node.name,
        role: member.role,
        address: member.node.address,
        ssh: { user: member.user === 'password' ? users.sudoWithPassword : users.sudoWithoutPassword },
        ...(member.extra ?? {}),
      })),
      ...overrides,
    };
    const file = join(this.workDir, `${name}.plan.yaml`);
    await writeFile(file, stringify(plan));
    return file;
  }

  async stop(): Promise<void> {
    await this.api.close();
    await this.lab.stop();
    await rm(this.workDir, { recursive: true, force: true });
  }
}
