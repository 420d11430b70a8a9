import { Command } from 'commander';
import { downCommand } from './commands/down.command';
import { statusCommand } from './commands/status.command';
import { upCommand } from './commands/up.command';
import { EXIT_OK, failureReport } from './installer-errors';
import type { InstallerIo } from './installer-io';

export function buildInstallerProgram(io: InstallerIo, setExitCode: (code: number) => void): Command {
  const program = new Command('installer')
    .description('bootstrap a K3S cluster over SSH from a plan file, then deploy netkeep onto it')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  for (const command of [upCommand(io), statusCommand(io, setExitCode), downCommand(io)]) {
    // addCommand does not pass these on by itself: without them a subcommand would exit the process.
    program.addCommand(command.copyInheritedSettings(program));
  }
  return program;
}

/** Runs one invocation (arguments after `installer`) and answers the exit code; never throws. */
export async function runInstaller(args: readonly string[], io: InstallerIo): Promise<number> {
  let exitCode = EXIT_OK;
  try {
    await buildInstallerProgram(io, (code) => (exitCode = code)).parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    const report = failureReport(error);
    if (report.text) io.stderr.write(`${report.text}\n`);
    return report.exitCode;
  }
}
