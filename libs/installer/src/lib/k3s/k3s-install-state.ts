import type { NodeRole } from '../plan/cluster-plan';
import type { NodeShell } from '../remote/node-shell';
import { K3S_BINARY, K3S_CONFIG_FILE, K3S_SERVER_TOKEN_FILE, SYSTEMD_UNIT_DIR, k3sUnit } from './k3s-paths';

/** What K3S looks like on a node now, read as root without changing anything. */
export interface K3sInstallState {
  /** `v1.33.4+k3s1`, from `k3s --version`; undefined when there is no binary. */
  version?: string;
  binarySha256?: string;
  /** The role whose unit file exists; both when a node was installed twice. */
  installedRoles: NodeRole[];
  activeRoles: NodeRole[];
  configSha256?: string;
  serverTokenPresent: boolean;
}

const ROLES: NodeRole[] = ['server', 'agent'];

export async function probeK3sInstallState(shell: NodeShell): Promise<K3sInstallState> {
  const units = ROLES.map((role) => k3sUnit(role));
  const script = [
    `if [ -x ${K3S_BINARY} ]; then echo "binary_sha256=$(sha256sum ${K3S_BINARY} | cut -d' ' -f1)"; echo "version=$(${K3S_BINARY} --version 2>/dev/null | head -n 1)"; fi`,
    ...units.map((unit) => `[ -f ${SYSTEMD_UNIT_DIR}/${unit}.service ] && echo "unit=${unit}"; echo "active_${unit.replace('-', '_')}=$(systemctl is-active ${unit} 2>/dev/null)"`),
    `[ -f ${K3S_CONFIG_FILE} ] && echo "config_sha256=$(sha256sum ${K3S_CONFIG_FILE} | cut -d' ' -f1)"`,
    `[ -s ${K3S_SERVER_TOKEN_FILE} ] && echo token=present`,
    'true',
  ].join('\n');
  const result = await shell.run({ purpose: 'read what K3S is installed', script, root: true, readOnly: true, timeoutMs: 30_000 });
  return parseK3sInstallState(result.stdout);
}

export function parseK3sInstallState(output: string): K3sInstallState {
  const lines = output.split('\n').map((line) => line.trim());
  const value = (key: string) => lines.find((line) => line.startsWith(`${key}=`))?.slice(key.length + 1) || undefined;
  const units = lines.filter((line) => line.startsWith('unit=')).map((line) => line.slice(5));
  const version = /\bv\d+\.\d+\.\d+[^\s]*/.exec(value('version') ?? '')?.[0];
  return {
    ...(version ? { version } : {}),
    ...(value('binary_sha256') ? { binarySha256: value('binary_sha256') } : {}),
    installedRoles: ROLES.filter((role) => units.includes(k3sUnit(role))),
    activeRoles: ROLES.filter((role) => value(`active_${k3sUnit(role).replace('-', '_')}`) === 'active'),
    ...(value('config_sha256') ? { configSha256: value('config_sha256') } : {}),
    serverTokenPresent: value('token') === 'present',
  };
}

export function isK3sInstalled(state: K3sInstallState): boolean {
  return state.version !== undefined && state.installedRoles.length > 0;
}
