import { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { withDeviceSession } from '../device-session-action';
import { withDeviceTargetOptions, type DeviceTargetFlags } from '../device-target-options';
import { withFinalNewline } from './command-output';

export function showCommand(io: CliIo): Command {
  return withDeviceTargetOptions(new Command('show'), io.env)
    .description('run one command on a device and print its output')
    .argument('<host>', 'device address')
    .argument('<command>', 'the command to run, quoted')
    .action(async (host: string, command: string, flags: DeviceTargetFlags) => {
      const output = await withDeviceSession(host, flags, io, (session) => session.run(command));
      io.stdout.write(withFinalNewline(output));
    });
}
