import type { NodeRole } from '../plan/cluster-plan';
import type { NodeShell } from '../remote/node-shell';
import { K3S_INSTALL_SCRIPT, k3sUninstallScript } from './k3s-paths';

export type UninstallOutcome = 'uninstalled' | 'not-installed';

/**
 * Runs the uninstall script K3S's installer left (it stops the service, removes the unit, the
 * data, /etc/rancher/k3s and, once no K3S unit is left, the binary), then the install script
 * the installer kept beside it. A node without K3S is left alone.
 */
export async function uninstallK3sNode(shell: NodeShell, role: NodeRole): Promise<UninstallOutcome> {
  // The node's own role first; the other one too, for a node installed differently from the plan.
  const scripts = [k3sUninstallScript(role), k3sUninstallScript(role === 'server' ? 'agent' : 'server')];
  const found = await shell.run({
    purpose: 'find the K3S uninstall script',
    script: `for s in ${scripts.join(' ')}; do if [ -x "$s" ]; then echo "$s"; exit 0; fi; done; true`,
    root: true,
    readOnly: true,
  });
  const script = found.stdout.trim();
  if (!script) return 'not-installed';
  await shell.run({ purpose: `run ${script}`, script: `${script} && rm -f ${K3S_INSTALL_SCRIPT}`, root: true, readOnly: false, timeoutMs: 300_000 });
  return 'uninstalled';
}
