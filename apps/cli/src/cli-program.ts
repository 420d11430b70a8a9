import { Command } from 'commander';
import type { CliIo } from './cli-io';
import { EXIT_OK, failureReport } from './cli-errors';
import { configCommand } from './commands/config.command';
import { factsCommand } from './commands/facts.command';
import { showCommand } from './commands/show.command';

export function buildCliProgram(io: CliIo): Command {
  const program = new Command('netkeep')
    .description('ad-hoc commands against one network device over SSH')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  for (const command of [showCommand(io), configCommand(io), factsCommand(io)]) {
    // addCommand does not pass these on by itself: without them a subcommand would exit the process.
    program.addCommand(command.copyInheritedSettings(program));
  }
  return program;
}

/** Runs one invocation (arguments after `netkeep`) and answers the exit code; never throws. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  try {
    await buildCliProgram(io).parseAsync([...args], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    const report = failureReport(error);
    if (report.line) io.stderr.write(`${report.line}\n`);
    return report.exitCode;
  }
}
