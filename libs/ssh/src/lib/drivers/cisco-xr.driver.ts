import type { PlatformDefinition } from '../platform-definition';
import { MORE_PAGER } from './cisco-cli';
import { ciscoProcessorModel, ciscoUptime, inventoryChassis } from './cisco-facts';
import { CISCO_SECRETS } from './cisco-secrets';
import { captured, deviceFacts } from './device-facts';
import { COMMON_LOGIN_INTERRUPTS } from './login-interrupts';

const VENDOR = 'Cisco';
const SHOW_VERSION = 'show version';
const SHOW_INVENTORY = 'show inventory';

/** `RP/0/RSP0/CPU0:host#`, `RP/0/RP0/CPU0:host(config-if)#`, admin plane `sysadmin-vm:0_RP0#`. */
export const ciscoXr: PlatformDefinition = {
  name: 'cisco_xr',
  aliases: ['iosxr', 'ios-xr', 'cisco.iosxr.iosxr', 'cisco_iosxr'],
  vendor: VENDOR,
  prompt: /^(?:[A-Z]{2}\/\d+\/\w+\/CPU\d+:)?[\w.@:-]{1,63}(?:\([\w.@/:+-]{0,40}\))?[#>] ?$/,
  pagers: [MORE_PAGER],
  loginInterrupts: COMMON_LOGIN_INTERRUPTS,
  failurePatterns: [
    /^\s*% ?Invalid input detected/,
    /^\s*% ?Incomplete command/,
    /^\s*% ?Ambiguous command/,
    /^\s*% ?This command is not authorized/,
  ],
  onOpen: ['terminal length 0', 'terminal width 512', 'terminal exec prompt no-timestamp'],
  onClose: ['exit'],
  configCommands: ['show running-config'],
  factsCommands: [SHOW_VERSION, SHOW_INVENTORY],
  parseFacts(outputs) {
    const version = outputs[SHOW_VERSION] ?? '';
    const chassis = inventoryChassis(outputs[SHOW_INVENTORY] ?? '');
    return deviceFacts(VENDOR, {
      ...ciscoUptime(version),
      // The chassis PID (ASR-9006) names the model; show version only names the family (ASR9K).
      model: chassis?.pid ?? ciscoProcessorModel(version),
      serial: chassis?.serial,
      osVersion: captured(version, /Cisco IOS XR Software, Version ([^\s[]+)/i),
    });
  },
  volatileLines: [
    // The timestamp XR prints before each output unless `terminal exec prompt no-timestamp` took.
    /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d+)? \S+$/,
    /^Building configuration\.\.\.$/,
    /^!! Last configuration change at /,
  ],
  secrets: CISCO_SECRETS,
};
