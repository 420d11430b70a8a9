import type { ExecutorContext } from '@nx/devkit';
import { basename } from 'node:path';

/** What is being deployed: one service of the workspace, among the services that have a deploy target. */
export interface DeployTarget {
  /** The app's directory name, which is also its name in the manifests and its image name (`netkeep/<service>`). */
  service: string;
  /** Every service with a deploy target: their objects are left alone when this one deploys. */
  deployable: string[];
  workspaceRoot: string;
}

export function deployTargetOf(context: ExecutorContext): DeployTarget {
  const projects = context.projectsConfigurations.projects;
  const project = context.projectName ? projects[context.projectName] : undefined;
  if (!project) throw new Error('the deploy executor runs as a target of a project');
  const executor = project.targets?.[context.targetName ?? 'deploy']?.executor;
  const deployable = Object.values(projects)
    .filter((candidate) => Object.values(candidate.targets ?? {}).some((target) => target.executor === executor))
    .map((candidate) => basename(candidate.root));
  return { service: basename(project.root), deployable, workspaceRoot: context.root };
}
