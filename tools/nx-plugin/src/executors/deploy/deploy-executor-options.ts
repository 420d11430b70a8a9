import type { ImageEngineName } from './service-image';

/** The deploy target's options, as schema.json describes them. */
export interface DeployExecutorOptions {
  image?: string;
  registry?: string;
  /** Push to --registry over plain HTTP, or HTTPS without certificate checks. */
  insecureRegistry?: boolean;
  engine?: ImageEngineName;
  importTo?: string;
  sshKey?: string;
  kubeconfig?: string;
  context?: string;
  overlay?: string;
  dryRun?: boolean;
  /** Seconds. */
  timeout?: number;
  forceConflicts?: boolean;
}
