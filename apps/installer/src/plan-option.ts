import { loadClusterPlan, type ClusterPlan } from '@netkeep/installer';
import { Command, Option } from 'commander';
import type { InstallerIo } from './installer-io';

export interface PlanFlags {
  file: string;
  plain?: boolean;
  verbose?: boolean;
}

/** The options every command shares: the plan file, plain progress, the commands as they run. */
export function withPlanOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --file <plan.yaml>', 'the cluster plan (see k8s/cluster-plan.example.yaml)').makeOptionMandatory())
    .option('--plain', 'print progress as plain lines even on a terminal')
    .option('-v, --verbose', 'print every remote command as it runs');
}

export function readPlan(flags: PlanFlags, io: InstallerIo): ClusterPlan {
  return loadClusterPlan(flags.file, { homeDir: io.environment.homeDir });
}
