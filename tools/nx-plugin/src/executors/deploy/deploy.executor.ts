import type { ExecutorContext } from '@nx/devkit';
import type { DeployExecutorOptions } from './deploy-executor-options';
import { deployTargetOf } from './deploy-target';
import { runDeploy } from './run-deploy';

/**
 * `nx deploy <service>`: a thin shell around libs/kube's deployOverlay (which the installer uses
 * too). Failures print their message only: kubeconfig, conflict and rollout errors are written
 * for people, and a stack trace would bury them.
 */
export default async function deployExecutor(options: DeployExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  try {
    await runDeploy(options, deployTargetOf(context), { out: (line) => console.log(line) });
    return { success: true };
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return { success: false };
  }
}
