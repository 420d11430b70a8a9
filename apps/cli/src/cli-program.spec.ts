import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io';
import { buildCliProgram, runCli } from './cli-program';

/** Runs the CLI in-process with captured output; no terminal unless a prompt is given. */
async function netkeep(args: string[], io: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(args, {
    env: { USER: 'netops', HOME: '/nonexistent' },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    ...io,
  });
  return { exitCode, stdout, stderr, stderrLines: stderr.split('\n').filter(Boolean) };
}

describe('netkeep CLI', () => {
  it('has show, config and facts', () => {
    const program = buildCliProgram({ env: {}, stdout: { write: () => true }, stderr: { write: () => true } });

    expect(program.commands.map((command) => command.name())).toEqual(['show', 'config', 'facts']);
  });

  it('offers no flag on any command that takes a password or a secret', () => {
    const program = buildCliProgram({ env: {}, stdout: { write: () => true }, stderr: { write: () => true } });
    const flags = program.commands.flatMap((command) => command.options.map((option) => option.flags));

    expect(flags.filter((flag) => /pass|secret/i.test(flag))).toEqual([]);
  });

  it('refuses --password as a usage error, exit 2', async () => {
    const result = await netkeep(['show', '127.0.0.1', '--platform', 'ios', '--password', 'x', 'show version']);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--password'/);
    expect(result.stdout).toBe('');
  });

  it('prints help with exit 0', async () => {
    const result = await netkeep(['show', '--help']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Usage: netkeep show [options] <host> <command>');
  });

  it('fails with one line and exit 2 when there is no secret, no key and no terminal', async () => {
    const result = await netkeep(['show', '127.0.0.1', '--platform', 'ios', '--name', 'core-1', 'show version']);

    expect(result.exitCode).toBe(2);
    expect(result.stderrLines).toEqual([
      'netkeep: core-1: no password: set NETKEEP_SSH_PASSWORD, pass --key <path>, or run from a terminal to be prompted',
    ]);
  });

  it('names the known platforms, on one line, for an unknown one', async () => {
    const result = await netkeep(['facts', '127.0.0.1', '--platform', 'cisco_ioz'], { env: { NETKEEP_SSH_PASSWORD: 'pw' } });

    expect(result.exitCode).toBe(2);
    expect(result.stderrLines).toHaveLength(1);
    expect(result.stderr).toMatch(/^netkeep: unknown platform "cisco_ioz"; known platforms: .*cisco_ios.*linux/);
  });

  it('reports a key file it cannot read as a usage error', async () => {
    const result = await netkeep(['show', '127.0.0.1', '--platform', 'linux', '--key', '/nonexistent/id_ed25519', 'uname']);

    expect(result.exitCode).toBe(2);
    expect(result.stderrLines).toEqual(['netkeep: cannot read key /nonexistent/id_ed25519: ENOENT']);
  });

  it('names device, address and the connect phase when nothing listens there', async () => {
    const result = await netkeep(
      ['show', '127.0.0.1', '--port', '1', '--platform', 'linux', '--name', 'edge-9', '--timeout', '2', 'uname'],
      { env: { NETKEEP_SSH_PASSWORD: 'pw', HOME: '/nonexistent' } },
    );

    expect(result.exitCode).toBe(1);
    expect(result.stderrLines).toHaveLength(1);
    expect(result.stderr).toMatch(/^netkeep: edge-9 \(127\.0\.0\.1:1\): connect failed: /);
  });
});
