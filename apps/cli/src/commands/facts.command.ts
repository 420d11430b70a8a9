import { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { withDeviceSession } from '../device-session-action';
import { withDeviceTargetOptions, type DeviceTargetFlags } from '../device-target-options';

export function factsCommand(io: CliIo): Command {
  return withDeviceTargetOptions(new Command('facts'), io.env)
    .description('print what a device reports about itself (hostname, model, serial, version, uptime) as JSON')
    .argument('<host>', 'device address')
    .action(async (host: string, flags: DeviceTargetFlags) => {
      const facts = await withDeviceSession(host, flags, io, (session) => session.getFacts());
      io.stdout.write(`${JSON.stringify(facts, null, 2)}\n`);
    });
}
