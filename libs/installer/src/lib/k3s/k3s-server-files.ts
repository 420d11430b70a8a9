import type { NodeShell } from '../remote/node-shell';
import { RemoteCommandError } from '../ssh/ssh-errors';
import { K3S_BINARY, K3S_KUBECONFIG_FILE, K3S_SERVER_TOKEN_FILE } from './k3s-paths';

export const DEFAULT_SERVER_READY_TIMEOUT_MS = 300_000;
const POLL_INTERVAL_SECONDS = 2;

/**
 * Waits on the server itself until the API answers /readyz and K3S has written the token file
 * and the kubeconfig (the token file appears a moment after the service reports ready).
 * The loop runs remotely: one command, however long it takes. In a dry run it is journaled only,
 * since it waits for what the changes bring about.
 */
export async function waitForServerReady(shell: NodeShell, timeoutMs = DEFAULT_SERVER_READY_TIMEOUT_MS): Promise<void> {
  const attempts = Math.max(1, Math.ceil(timeoutMs / 1000 / POLL_INTERVAL_SECONDS));
  const ready = `[ -s ${K3S_SERVER_TOKEN_FILE} ] && [ -s ${K3S_KUBECONFIG_FILE} ] && ${K3S_BINARY} kubectl get --raw=/readyz >/dev/null 2>&1`;
  const result = await shell.run({
    purpose: 'wait for the API and the join token',
    script: `i=0; while [ $i -lt ${attempts} ]; do if ${ready}; then exit 0; fi; i=$((i+1)); sleep ${POLL_INTERVAL_SECONDS}; done; exit 1`,
    root: true,
    readOnly: false,
    timeoutMs: timeoutMs + 30_000,
    allowFailure: true,
  });
  if (result.exitCode !== 0) {
    throw new RemoteCommandError(
      shell.node.name,
      'wait for the API',
      result.exitCode,
      result.stderr,
      `${shell.node.name}: the K3S API was not ready within ${Math.round(timeoutMs / 1000)} s; see journalctl -u k3s on the node`,
    );
  }
}

/** The server's token file: `K10<CA hash>::server:<secret>`, which lets joiners verify the CA. */
export async function readJoinToken(shell: NodeShell): Promise<string> {
  const result = await shell.run({ purpose: 'read the join token', script: `cat ${K3S_SERVER_TOKEN_FILE}`, root: true, readOnly: true });
  const token = result.stdout.trim();
  if (!token) throw new RemoteCommandError(shell.node.name, 'read the join token', 0, '', `${shell.node.name}: ${K3S_SERVER_TOKEN_FILE} is empty`);
  return token;
}

export async function readK3sKubeconfig(shell: NodeShell): Promise<string> {
  const result = await shell.run({ purpose: 'fetch the kubeconfig', script: `cat ${K3S_KUBECONFIG_FILE}`, root: true, readOnly: true });
  return result.stdout;
}
