import { referenceTag } from '@netkeep/images';
import {
  deployOverlay,
  formatDeployReport,
  importImageToNodes,
  loadKubeconfig,
  parseSshTargets,
  renderOverlay,
  toYaml,
  type OverlaySelection,
  type SshTarget,
} from '@netkeep/kube';
import { join, resolve } from 'node:path';
import type { DeployExecutorOptions } from './deploy-executor-options';
import type { DeployTarget } from './deploy-target';
import { pushToRegistry, registryDestination, type RegistryDestination } from './registry-destination';
import { buildImage, type BuiltServiceImage } from './service-image';

export const DEFAULT_OVERLAY = 'k8s/overlays/k3s';
const DEFAULT_TIMEOUT_SECONDS = 300;

/** Where the deploy writes: progress and the report on `out`, YAML of a dry run too. */
export interface DeployOutput {
  out: (line: string) => void;
}

/** How the image gets made; the executor builds with the image library, tests pass their own. */
export type ImageBuilder = (target: DeployTarget, options: DeployExecutorOptions, output: DeployOutput) => Promise<BuiltServiceImage>;

const buildWithImageLibrary: ImageBuilder = (target, options, output) =>
  buildImage(target.service, target.workspaceRoot, join(target.workspaceRoot, 'dist', 'images', target.service), {
    ...(options.engine ? { engine: options.engine } : {}),
    onStep: (step) => output.out(`  ${step}`),
  });

/**
 * One service's deploy: check the kubeconfig first (a typo should not cost an image build), get
 * the image (given, or built and copied to the nodes or pushed to a registry), then render,
 * apply, wait and report.
 */
export async function runDeploy(options: DeployExecutorOptions, target: DeployTarget, output: DeployOutput, build: ImageBuilder = buildWithImageLibrary): Promise<void> {
  const overlayDir = resolve(target.workspaceRoot, options.overlay ?? DEFAULT_OVERLAY);
  const imageName = `netkeep/${target.service}`;
  const component = { name: target.service, deployable: target.deployable };

  if (options.dryRun) {
    const selection: OverlaySelection = { overlayDir, component, ...(options.image ? { images: { [imageName]: options.image } } : {}) };
    output.out(toYaml(renderOverlay(selection), { redactSecretData: true }));
    return;
  }

  if (options.image && options.importTo) {
    throw new Error('--import-to copies the image archive this deploy builds; with --image, put the image on the nodes yourself or use a registry');
  }
  if (options.image && options.registry) {
    throw new Error('--registry is where a built image is pushed; with --image, name the registry in the image reference instead');
  }
  if (options.registry && options.importTo) {
    throw new Error('--registry and --import-to are two ways to get the built image to the nodes; choose one');
  }
  if (options.insecureRegistry && !options.registry) {
    throw new Error('--insecure-registry says how to reach --registry, which is not given');
  }
  // Mistakes in the node list, the registry and the kubeconfig surface before minutes of image building.
  const nodes = options.importTo ? parseSshTargets(options.importTo) : [];
  const registry = options.registry ? registryDestination({ registry: options.registry, insecure: options.insecureRegistry ?? false, service: target.service }) : undefined;
  const cluster = loadKubeconfig({ path: options.kubeconfig, context: options.context });
  const reference = options.image ?? (await buildAndShip(options, { nodes, registry }, target, output, build));

  const report = await deployOverlay({
    overlayDir,
    images: { [imageName]: reference },
    component,
    cluster,
    forceConflicts: options.forceConflicts ?? false,
    rolloutTimeoutMs: (options.timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    log: output.out,
  });
  // Each object's outcome was logged as it was applied; the summary adds the totals.
  output.out(formatDeployReport(report, { listChanges: false }));
}

/** How the built image reaches the nodes: copied to each over SSH, pushed to a registry they pull from, or neither. */
interface ImageShipping {
  nodes: SshTarget[];
  registry: RegistryDestination | undefined;
}

/** Builds the image and ships it; returns the reference the nodes will find it by. */
async function buildAndShip(options: DeployExecutorOptions, { nodes, registry }: ImageShipping, target: DeployTarget, output: DeployOutput, build: ImageBuilder): Promise<string> {
  output.out(`building the image of ${target.service}`);
  const image = await build(target, options, output);
  output.out(`built ${image.reference} (${(image.compressedBytes / 1024 / 1024).toFixed(1)} MB compressed): ${image.archivePath}`);
  if (registry) {
    // The built tag names the image's content, so the registry copy rolls out exactly when the image changed.
    output.out(`pushing to ${registry.repository}${registry.tlsVerify ? '' : ' (insecure: plain HTTP or unchecked TLS)'}`);
    const pushed = await pushToRegistry(image.archivePath, referenceTag(image.reference), registry, options.engine);
    output.out(`pushed ${pushed.reference}${pushed.digest ? ` (${pushed.digest})` : ''}`);
    return pushed.reference;
  }
  if (nodes.length) {
    await importImageToNodes({ archivePath: image.archivePath, targets: nodes, ...(options.sshKey ? { privateKeyPath: options.sshKey } : {}), log: output.out });
  } else {
    output.out(`note: ${image.reference} exists only on this machine; nodes that do not have it cannot pull it (use --import-to or --registry)`);
  }
  return image.reference;
}
