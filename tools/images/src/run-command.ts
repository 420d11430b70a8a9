import { spawn } from 'node:child_process';

export interface CommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/** Output kept for an error message: the end of a compiler's or npm's log is where the cause is. */
const ERROR_TAIL_CHARS = 4000;

export class CommandFailedError extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly output: CommandOutput,
  ) {
    const tail = `${output.stderr}\n${output.stdout}`.trim().slice(-ERROR_TAIL_CHARS);
    super(`${command} failed (${exitCode === null ? 'killed' : `exit ${exitCode}`})${tail ? `:\n${tail}` : ''}`);
    this.name = 'CommandFailedError';
  }
}

/** Runs a program without a shell and resolves with its output, or rejects naming the command and its last words. */
export function runCommand(program: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandOutput> {
  const command = [program, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', (error) => reject(new Error(`${program}: ${error.message}`)));
    child.once('close', (code) => {
      const output = { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
      if (code === 0) resolve(output);
      else reject(new CommandFailedError(command, code, output));
    });
  });
}

/** Whether `program args` runs and exits 0: found on PATH, executable, and (for an engine's probe) able to reach its daemon. */
export async function commandSucceeds(program: string, args: readonly string[]): Promise<boolean> {
  try {
    await runCommand(program, args);
    return true;
  } catch {
    return false;
  }
}
