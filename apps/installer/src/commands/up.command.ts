import { clusterUp, CommandJournal, formatJournal, formatUpSummary, UpFailedError } from '@netkeep/installer';
import { Command } from 'commander';
import type { InstallerIo } from '../installer-io';
import { readPlan, withPlanOptions, type PlanFlags } from '../plan-option';
import { progressOutput, verboseLine } from '../progress-output';

export function upCommand(io: InstallerIo): Command {
  return withPlanOptions(new Command('up'))
    .description('install or update K3S on every node of the plan, merge the kubeconfig, deploy netkeep if the plan says so')
    .option('--dry-run', 'connect and read each node, change nothing, and print every command per node that up would run')
    .action(async (flags: PlanFlags & { dryRun?: boolean }) => {
      const plan = readPlan(flags, io);
      const journal = new CommandJournal();
      const progress = progressOutput(io, flags);
      if (flags.verbose) journal.onEntry((entry) => progress.note(verboseLine(entry)));
      try {
        const result = await clusterUp({ plan, environment: io.environment, dryRun: Boolean(flags.dryRun), progress, journal });
        if (flags.dryRun) io.stdout.write(`${formatJournal(journal, plan.nodes.map((node) => node.name))}\n\n`);
        io.stdout.write(`${formatUpSummary(result)}\n`);
      } catch (error) {
        // What was done before the failure is worth printing: the nodes that did join, the steps' times.
        if (error instanceof UpFailedError) io.stdout.write(`${formatUpSummary(error.result)}\n`);
        throw error;
      }
    });
}
