import type { PlatformDefinition } from '../platform-definition';
import { CISCO_STYLE_ON_OPEN, MORE_PAGER } from './cisco-cli';
import { ciscoBoardSerial, ciscoUptime, inventoryChassis } from './cisco-facts';
import { CISCO_SECRETS } from './cisco-secrets';
import { captured, deviceFacts } from './device-facts';
import { COMMON_LOGIN_INTERRUPTS } from './login-interrupts';

const VENDOR = 'Cisco';
const SHOW_VERSION = 'show version';
const SHOW_INVENTORY = 'show inventory';

/** `cisco Nexus9000 C93180YC-EX chassis` → `Nexus9000 C93180YC-EX`; NX-OS 7 adds `(10 Slot)` and a supervisor. */
function nexusModel(showVersion: string): string | undefined {
  return captured(showVersion, /^\s*cisco (.+?)\s+chassis\b/im)?.replace(/\s*\([^)]*\)/g, '');
}

/** Logins land in privileged mode (roles, not `enable`), so the prompt is always `#`. */
export const ciscoNxos: PlatformDefinition = {
  name: 'cisco_nxos',
  aliases: ['nxos', 'nx-os', 'cisco.nxos.nxos', 'cisco_nxos_ssh'],
  vendor: VENDOR,
  prompt: /^[\w.@/:+-]{1,63}(?:\([\w.@/:+-]{0,40}\))?# ?$/,
  pagers: [MORE_PAGER],
  loginInterrupts: COMMON_LOGIN_INTERRUPTS,
  failurePatterns: [
    /^\s*% ?Invalid (?:command|input|parameter)/,
    /^\s*% ?Incomplete command/,
    /^\s*% ?Ambiguous command/,
    /^\s*% ?Permission denied/,
  ],
  onOpen: CISCO_STYLE_ON_OPEN,
  onClose: ['exit'],
  configCommands: ['show running-config'],
  factsCommands: [SHOW_VERSION, SHOW_INVENTORY],
  parseFacts(outputs) {
    const text = outputs[SHOW_VERSION] ?? '';
    // The chassis PID (`N9K-C93180YC-EX`) names the model as on other platforms, and on a
    // Nexus 7000 the board ID is the supervisor's serial, not the chassis's.
    const chassis = inventoryChassis(outputs[SHOW_INVENTORY] ?? '');
    return deviceFacts(VENDOR, {
      hostname: captured(text, /^\s*Device name:\s*(\S+)/m),
      model: chassis?.pid || nexusModel(text),
      serial: chassis?.serial ?? ciscoBoardSerial(text),
      osVersion: captured(text, /^\s*(?:NXOS|system):\s+version\s+(\S+)/im),
      uptimeSeconds: ciscoUptime(text).uptimeSeconds,
    });
  },
  volatileLines: [/^!Time: /, /^!Running configuration last done at: /],
  secrets: CISCO_SECRETS,
};
