import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The workspace root: `npm run netkeep` runs from here, with tsconfig paths for @netkeep/*. */
export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

export interface NetkeepRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** stderr split into lines, without empty ones. */
  stderrLines: string[];
}

/** Runs the CLI as an operator would: its own process, no terminal on stdin, only the variables given. */
export function runNetkeep(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<NetkeepRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args], {
      cwd: WORKSPACE_ROOT,
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (exitCode) =>
      resolvePromise({ exitCode, stdout, stderr, stderrLines: stderr.split('\n').filter((line) => line !== '') }),
    );
  });
}

/** A terminal exchange: when `question` appears on the terminal, type `answer` and Enter. */
export interface TerminalAnswer {
  question: string;
  answer: string;
}

/**
 * Runs the CLI on a real pseudo-terminal (util-linux `script`), answering its prompts as an
 * operator would: typing only once the question is on screen, so echo would be visible.
 */
export function runNetkeepInTerminal(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  answers: readonly TerminalAnswer[],
): Promise<{ exitCode: number | null; screen: string }> {
  const commandLine = [process.execPath, '-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args].map(shellQuoted).join(' ');
  return new Promise((resolvePromise, reject) => {
    const child = spawn('script', ['-qec', commandLine, '/dev/null'], {
      cwd: WORKSPACE_ROOT,
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let screen = '';
    let unread = 0;
    const pending = [...answers];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      screen += chunk;
      const next = pending[0];
      const asked = next ? screen.indexOf(next.question, unread) : -1;
      if (!next || asked < 0) return;
      unread = asked + next.question.length;
      pending.shift();
      child.stdin.write(`${next.answer}\r`);
    });
    child.once('error', reject);
    child.once('close', (exitCode) => resolvePromise({ exitCode, screen }));
  });
}

function shellQuoted(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
