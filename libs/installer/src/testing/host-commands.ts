import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Runs a command on the test machine; a failure says which command and what it printed. */
export async function host(command: string, args: readonly string[], options: { input?: string } = {}): Promise<string> {
  if (options.input !== undefined) {
    const result = spawnSync(command, args, { input: options.input, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
    return result.stdout;
  }
  try {
    const { stdout } = await execFileAsync(command, [...args], { encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const failure = error as Error & { stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${failure.stderr?.trim() || failure.message}`);
  }
}

/** The same, for clean-up: a failure is ignored (the thing may already be gone). */
export async function hostQuietly(command: string, args: readonly string[]): Promise<void> {
  await host(command, args).catch(() => undefined);
}

/** Whether the tests can build network namespaces here: root, and an `ip` that knows netns. */
export function canBuildNetnsLab(): { ok: true } | { ok: false; reason: string } {
  if (process.getuid?.() !== 0) return { ok: false, reason: 'needs root (network namespaces, test users, sudoers)' };
  const probe = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  if (probe.status !== 0) return { ok: false, reason: `ip netns is not available: ${probe.stderr || probe.error?.message}` };
  for (const tool of ['sudo', 'unshare', 'useradd', '/usr/sbin/sshd']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return { ok: false, reason: `${tool} is not installed` };
  }
  return { ok: true };
}
