import { basename } from 'node:path';
import { deployOverlay, formatDeployReport, kubeconfigFromText, renderOverlay } from '@netkeep/kube';
import { imageArchives } from '../k3s/airgap-bundle';
import { K3S_BINARY, K3S_IMAGES_DIR } from '../k3s/k3s-paths';
import type { NetkeepSettings } from '../plan/cluster-plan';
import type { NodeShell } from '../remote/node-shell';
import { shellQuote } from '../remote/shell-quote';

export interface NetkeepDeployOutcome {
  /** kubectl-style lines: counts, changes, rollouts, where the API answers. */
  report: string;
  objectCount: number;
  changedCount: number;
}

/**
 * Puts netkeep's OCI archives in the node's images folder (K3S imports what lands there; older
 * releases only at start, hence the explicit import) so its pods start with no registry at all.
 * Archives already there with the same checksum are neither sent nor imported again.
 */
export async function placeNetkeepImages(shell: NodeShell, archivesDir: string, onStep?: (step: string) => void): Promise<number> {
  let placed = 0;
  for (const archive of imageArchives(archivesDir)) {
    onStep?.(`image ${basename(archive)}`);
    const remotePath = `${K3S_IMAGES_DIR}/${basename(archive)}`;
    const outcome = await shell.putFile({ purpose: `upload netkeep image ${basename(archive)}`, localPath: archive, remotePath, mode: 0o644 });
    if (!outcome.changed) continue;
    placed++;
    await shell.run({
      purpose: `import netkeep image ${basename(archive)}`,
      script: `${K3S_BINARY} ctr -n k8s.io images import ${shellQuote(remotePath)}`,
      root: true,
      readOnly: false,
      timeoutMs: 600_000,
    });
  }
  return placed;
}

/** Renders the overlay, applies it through the installer's API tunnel and waits for the rollouts (libs/kube). */
export async function deployNetkeep(kubeconfigText: string, settings: NetkeepSettings, options: { log?: (line: string) => void }): Promise<NetkeepDeployOutcome> {
  const report = await deployOverlay({
    overlayDir: settings.overlayDir,
    images: settings.images,
    cluster: kubeconfigFromText(kubeconfigText, 'the kubeconfig fetched from the first server'),
    rolloutTimeoutMs: settings.rolloutTimeoutSeconds * 1000,
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    report: formatDeployReport(report),
    objectCount: report.applied.length,
    changedCount: report.applied.filter((object) => object.outcome !== 'unchanged').length,
  };
}

/** What a dry run can say without a cluster: how many objects the overlay renders. */
export function describeNetkeepDeploy(settings: NetkeepSettings): NetkeepDeployOutcome {
  const objects = renderOverlay({ overlayDir: settings.overlayDir, images: settings.images });
  return { report: `would apply ${objects.length} objects from ${settings.overlayDir}`, objectCount: objects.length, changedCount: 0 };
}
