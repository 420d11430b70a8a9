import type { NodeRole } from '../plan/cluster-plan';

/** Where K3S's install script and K3S itself put things (INSTALL_K3S_BIN_DIR and data-dir at their defaults). */
export const K3S_BINARY = '/usr/local/bin/k3s';
/** Kept on the node, as k3s-ansible does, so a later run or an upgrade can run it again. */
export const K3S_INSTALL_SCRIPT = '/usr/local/bin/k3s-install.sh';
export const K3S_CONFIG_FILE = '/etc/rancher/k3s/config.yaml';
export const K3S_KUBECONFIG_FILE = '/etc/rancher/k3s/k3s.yaml';
export const K3S_SERVER_TOKEN_FILE = '/var/lib/rancher/k3s/server/token';
/** Archives here are imported by the K3S agent: K3S's own air-gap images and netkeep's. */
export const K3S_IMAGES_DIR = '/var/lib/rancher/k3s/agent/images';
export const SYSTEMD_UNIT_DIR = '/etc/systemd/system';

export function k3sUnit(role: NodeRole): string {
  return role === 'server' ? 'k3s' : 'k3s-agent';
}

export function k3sUninstallScript(role: NodeRole): string {
  return role === 'server' ? '/usr/local/bin/k3s-uninstall.sh' : '/usr/local/bin/k3s-agent-uninstall.sh';
}
