import type { InterfaceSample } from '../device-sample';
import { iosShortName, parseCiscoStyleInterfaces } from './show-interfaces-cisco';
import { parseJunosInterfaces } from './show-interfaces-junos';

/** For one platform: the command that prints every interface's counters, and its parser. */
export interface InterfaceCommand {
  command: string;
  parse(output: string): InterfaceSample[];
}

const INTERFACE_COMMANDS: Readonly<Record<string, InterfaceCommand>> = {
  cisco_ios: { command: 'show interfaces', parse: (output) => parseCiscoStyleInterfaces(output, { shortName: iosShortName }) },
  cisco_xe: { command: 'show interfaces', parse: (output) => parseCiscoStyleInterfaces(output, { shortName: iosShortName }) },
  // EOS's agent reports the full name as ifName.
  arista_eos: { command: 'show interfaces', parse: (output) => parseCiscoStyleInterfaces(output, { shortName: (name) => name }) },
  juniper_junos: { command: 'show interfaces extensive', parse: parseJunosInterfaces },
};

export const CLI_TELEMETRY_PLATFORMS: readonly string[] = Object.keys(INTERFACE_COMMANDS);

/** The interface command of a canonical platform name (`DeviceSession.platform.name`); undefined where there is none yet. */
export function interfaceCommandFor(platform: string): InterfaceCommand | undefined {
  return INTERFACE_COMMANDS[platform];
}
