import { clusterStatus, formatStatus } from '@netkeep/installer';
import { Command } from 'commander';
import { EXIT_FAILURE } from '../installer-errors';
import type { InstallerIo } from '../installer-io';
import { readPlan, withPlanOptions, type PlanFlags } from '../plan-option';
import { progressOutput } from '../progress-output';

/** Exit 0 only when every node answers, runs K3S and is Ready: usable in scripts. */
export function statusCommand(io: InstallerIo, setExitCode: (code: number) => void): Command {
  return withPlanOptions(new Command('status'))
    .description('per node: reachable, K3S version, service active, node Ready')
    .action(async (flags: PlanFlags) => {
      const plan = readPlan(flags, io);
      const status = await clusterStatus({ plan, environment: io.environment, progress: progressOutput(io, { plain: true, ...flags }) });
      io.stdout.write(`${formatStatus(status)}\n`);
      if (!status.nodes.every((node) => node.reachable && node.serviceActive && node.ready)) setExitCode(EXIT_FAILURE);
    });
}
