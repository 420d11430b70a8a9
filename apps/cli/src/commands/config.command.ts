import { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { withDeviceSession } from '../device-session-action';
import { withDeviceTargetOptions, type DeviceTargetFlags } from '../device-target-options';
import { withFinalNewline } from './command-output';

interface ConfigFlags extends DeviceTargetFlags {
  /** `--no-mask` sets this false. */
  mask: boolean;
}

export function configCommand(io: CliIo): Command {
  return withDeviceTargetOptions(new Command('config'), io.env)
    .description('print the cleaned configuration of a device, secrets masked')
    .argument('<host>', 'device address')
    .option('--no-mask', 'print secrets as the device shows them')
    .action(async (host: string, flags: ConfigFlags) => {
      const config = await withDeviceSession(host, flags, io, (session) => session.getConfig({ maskSecrets: flags.mask }));
      io.stdout.write(withFinalNewline(config));
    });
}
