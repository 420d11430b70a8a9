import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InstallerIo } from './installer-io';
import { runInstaller } from './installer-program';

function run(args: string[]) {
  const output = { stdout: '', stderr: '' };
  const io: InstallerIo = {
    environment: { env: {}, homeDir: '/nonexistent-home', localUser: 'operator' },
    stdout: { write: (text: string) => (output.stdout += text) },
    stderr: { write: (text: string) => (output.stderr += text) },
    interactive: false,
    columns: () => 100,
  };
  return runInstaller(args, io).then((exitCode) => ({ exitCode, ...output }));
}

const fixture = (name: string) => join(__dirname, 'fixtures', name);

describe('installer CLI', () => {
  it('lists up, status and down', async () => {
    const { exitCode, stdout } = await run(['--help']);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/up \[options\][\s\S]*status \[options\][\s\S]*down \[options\]/);
  });

  it('needs a plan file', async () => {
    const { exitCode, stderr } = await run(['up']);
    expect(exitCode).toBe(2);
    expect(stderr).toContain("required option '-f, --file <plan.yaml>' not specified");
  });

  it('reports a wrong plan with the path and line of the bad field, exit 2', async () => {
    const { exitCode, stderr } = await run(['up', '-f', fixture('broken.plan.yaml')]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain('nodes[0].role (line 5): must be one of "server", "agent", not "controller"');
  });

  it('names each node it cannot reach and changes nothing', async () => {
    const { exitCode, stderr, stdout } = await run(['up', '--dry-run', '-f', fixture('unreachable.plan.yaml')]);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/installer: cannot reach 1 node\(s\), nothing was changed:\n\s+s1 \(connect\): cannot connect to 127\.0\.0\.1:1: connection refused/);
    expect(stdout).toBe('');
  });

  it('status answers 1 when a node is unreachable', async () => {
    const { exitCode, stdout } = await run(['status', '-f', fixture('unreachable.plan.yaml')]);
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/s1\s+server\s+127\.0\.0\.1\s+no/);
  });
});
