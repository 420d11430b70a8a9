import { basename } from 'node:path';
import type { K3sSource, PlanNode } from '../plan/cluster-plan';
import type { NodeShell } from '../remote/node-shell';
import { shellQuote } from '../remote/shell-quote';
import { readAirgapBundle, verifyAgainstReleaseChecksums } from './airgap-bundle';
import type { RenderedK3sConfig } from './k3s-config-file';
import { K3S_BINARY, K3S_CONFIG_FILE, K3S_IMAGES_DIR, K3S_INSTALL_SCRIPT, k3sUnit } from './k3s-paths';
import type { NodeAction } from './node-action';

export interface K3sNodeInstall {
  shell: NodeShell;
  node: PlanNode;
  action: NodeAction;
  config: RenderedK3sConfig;
  source: K3sSource;
  /** K3S's name for the node's architecture (amd64, arm64…), for the air-gap files. */
  arch: string;
  /** Each step as it starts: `config.yaml`, `upload k3s`, `install script`, `start k3s`. */
  onStep?: (step: string) => void;
}

/** `systemctl start` waits for K3S's sd_notify READY (Type=notify), which takes a while on a small node. */
const SERVICE_START_TIMEOUT_MS = 600_000;
const INSTALL_SCRIPT_TIMEOUT_MS = 600_000;

/**
 * Brings one node to the plan: writes config.yaml, then — for an install or an upgrade —
 * puts the release in place (air-gap: binary, images and script uploaded and checked;
 * online: the script downloaded), runs the install script without starting the service, and
 * finally starts or restarts the service so it reads the new configuration.
 */
export async function applyNodeAction(install: K3sNodeInstall): Promise<void> {
  const { shell, node, action } = install;
  if (action.kind === 'none') return;
  install.onStep?.('config.yaml');
  await shell.putFile({ purpose: 'write the K3S configuration', remotePath: K3S_CONFIG_FILE, mode: 0o600, content: install.config.text, displayContent: install.config.display });
  if (action.kind === 'install' || action.kind === 'upgrade') {
    if (install.source.kind === 'airgap') await placeAirgapRelease(install);
    else await downloadInstallScript(shell, install.source.installScriptUrl, install.onStep);
    install.onStep?.('install script');
    await shell.run({
      purpose: `run the K3S install script (${node.role})`,
      script: `${installEnvironment(install.source, node).join(' ')} sh ${K3S_INSTALL_SCRIPT}`,
      root: true,
      readOnly: false,
      timeoutMs: INSTALL_SCRIPT_TIMEOUT_MS,
    });
  }
  const unit = k3sUnit(node.role);
  const verb = action.kind === 'install' || action.kind === 'start' ? 'start' : 'restart';
  install.onStep?.(`${verb} ${unit}`);
  await shell.run({ purpose: `${verb} the ${unit} service`, script: `systemctl enable ${unit} && systemctl ${verb} ${unit}`, root: true, readOnly: false, timeoutMs: SERVICE_START_TIMEOUT_MS });
}

/**
 * The install script's variables: the pinned release or channel, the role (explicit, since
 * K3S_URL lives in config.yaml rather than in the environment), no start (the installer starts
 * the service once config.yaml is in place), and no download when air-gapped.
 */
export function installEnvironment(source: K3sSource, node: PlanNode): string[] {
  const variables: Record<string, string> = {
    INSTALL_K3S_EXEC: node.role,
    INSTALL_K3S_SKIP_START: 'true',
  };
  if (source.version) variables['INSTALL_K3S_VERSION'] = source.version;
  if (source.kind === 'online' && source.channel) variables['INSTALL_K3S_CHANNEL'] = source.channel;
  if (source.kind === 'airgap') variables['INSTALL_K3S_SKIP_DOWNLOAD'] = 'true';
  return ['env', ...Object.entries(variables).map(([name, value]) => `${name}=${shellQuote(value)}`)];
}

async function placeAirgapRelease(install: K3sNodeInstall): Promise<void> {
  const { shell, arch, source } = install;
  if (source.kind !== 'airgap') return;
  const bundle = readAirgapBundle(source.bundleDir);
  const binary = bundle.binary(arch);
  const images = bundle.images(arch);
  for (const file of [binary, images, bundle.installScript]) if (file) await verifyAgainstReleaseChecksums(bundle, arch, file);
  install.onStep?.('upload k3s');
  await shell.putFile({ purpose: 'upload the k3s binary', localPath: binary, remotePath: K3S_BINARY, mode: 0o755 });
  if (images) {
    install.onStep?.('upload images');
    await shell.putFile({ purpose: 'upload the K3S images', localPath: images, remotePath: `${K3S_IMAGES_DIR}/${basename(images)}`, mode: 0o644 });
  }
  await shell.putFile({ purpose: 'upload the install script', localPath: bundle.installScript, remotePath: K3S_INSTALL_SCRIPT, mode: 0o755 });
}

async function downloadInstallScript(shell: NodeShell, url: string, onStep?: (step: string) => void): Promise<void> {
  onStep?.('download install script');
  const partial = `${K3S_INSTALL_SCRIPT}.download`;
  await shell.run({
    purpose: 'download the K3S install script',
    script: `(curl -sfL --retry 3 -o ${partial} ${shellQuote(url)} || wget -qO ${partial} ${shellQuote(url)}) && install -m 0755 ${partial} ${K3S_INSTALL_SCRIPT} && rm -f ${partial}`,
    root: true,
    readOnly: false,
    timeoutMs: 120_000,
  });
}
