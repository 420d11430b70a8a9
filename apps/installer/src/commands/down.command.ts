import { clusterDown, CommandJournal, formatDownSummary, formatJournal } from '@netkeep/installer';
import { Command } from 'commander';
import type { InstallerIo } from '../installer-io';
import { readPlan, withPlanOptions, type PlanFlags } from '../plan-option';
import { progressOutput, verboseLine } from '../progress-output';

export function downCommand(io: InstallerIo): Command {
  return withPlanOptions(new Command('down'))
    .description("uninstall K3S from every node of the plan with K3S's own uninstall scripts (agents first), and remove the kubeconfig context")
    .option('--dry-run', 'connect and read each node, change nothing, and print what down would run')
    .action(async (flags: PlanFlags & { dryRun?: boolean }) => {
      const plan = readPlan(flags, io);
      const journal = new CommandJournal();
      const progress = progressOutput(io, flags);
      if (flags.verbose) journal.onEntry((entry) => progress.note(verboseLine(entry)));
      const result = await clusterDown({ plan, environment: io.environment, dryRun: Boolean(flags.dryRun), progress, journal });
      if (flags.dryRun) io.stdout.write(`${formatJournal(journal, plan.nodes.map((node) => node.name))}\n\n`);
      io.stdout.write(`${formatDownSummary(result)}\n`);
    });
}
