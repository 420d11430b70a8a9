import type { ClusterPlan, PlanNode } from '../plan/cluster-plan';
import type { ProgressSink } from '../progress/progress-sink';
import type { RunTimeline } from '../progress/run-timeline';
import type { NodeShell } from '../remote/node-shell';
import { deployNetkeep, describeNetkeepDeploy, placeNetkeepImages, type NetkeepDeployOutcome } from './deploy-netkeep';

export interface NetkeepStepsInput {
  plan: ClusterPlan;
  timeline: RunTimeline;
  progress: ProgressSink;
  /** The kubeconfig through the installer's API tunnel; absent in a dry run, which only renders. */
  installerKubeconfig?: string;
  shellOf(node: PlanNode): NodeShell;
}

/** The last steps of `up` when the plan deploys netkeep: its images on every node (air-gap), then the deploy. */
export async function netkeepSteps(input: NetkeepStepsInput): Promise<{ imagesPlaced: number; deploy: NetkeepDeployOutcome }> {
  const { plan, timeline, progress, installerKubeconfig } = input;
  const archivesDir = plan.netkeep.imageArchivesDir;
  let imagesPlaced = 0;
  if (archivesDir) {
    imagesPlaced = await timeline.step(
      'netkeep images',
      async () => {
        const counts = await Promise.all(
          plan.nodes.map(async (node) => {
            progress.update({ node: node.name, step: 'netkeep images', state: 'running' });
            const placed = await placeNetkeepImages(input.shellOf(node), archivesDir, (step) => progress.update({ node: node.name, step, state: 'running' }));
            progress.update({ node: node.name, step: 'netkeep images', state: 'done', detail: placed ? `${placed} imported` : 'already there' });
            return placed;
          }),
        );
        return counts.reduce((sum, count) => sum + count, 0);
      },
      (placed) => `${placed} archive(s) placed`,
    );
  }
  const deploy = await timeline.step(
    'deploy netkeep',
    async () => {
      progress.update({ step: 'deploy netkeep', state: 'running' });
      const outcome = installerKubeconfig
        ? await deployNetkeep(installerKubeconfig, plan.netkeep, { log: (line) => progress.update({ step: 'deploy netkeep', state: 'running', detail: line }) })
        : describeNetkeepDeploy(plan.netkeep);
      progress.update({ step: 'deploy netkeep', state: 'done', detail: `${outcome.changedCount}/${outcome.objectCount} changed` });
      return outcome;
    },
    (outcome) => outcome.report.split('\n')[0],
  );
  return { imagesPlaced, deploy };
}
