import type { PlatformDefinition } from '../platform-definition';
import { CISCO_STYLE_ENABLE, CISCO_STYLE_ON_OPEN, MORE_PAGER } from './cisco-cli';
import { CISCO_SECRETS } from './cisco-secrets';
import { captured, deviceFacts } from './device-facts';
import { COMMON_LOGIN_INTERRUPTS } from './login-interrupts';
import { parseUptimePhrase } from './uptime';

const VENDOR = 'Arista';
const SHOW_VERSION = 'show version';

/** EOS prompts like IOS, and config sessions nest a second mode: `host(s1)(config-s-s1)#`. */
export const aristaEos: PlatformDefinition = {
  name: 'arista_eos',
  aliases: ['eos', 'arista.eos.eos', 'arista_eos_ssh'],
  vendor: VENDOR,
  prompt: /^[\w.@/:+-]{1,63}(?:\([\w.@/:+-]{0,40}\)){0,2}[>#] ?$/,
  pagers: [MORE_PAGER],
  loginInterrupts: COMMON_LOGIN_INTERRUPTS,
  failurePatterns: [
    /^\s*% ?Invalid input/,
    /^\s*% ?Incomplete command/,
    /^\s*% ?Ambiguous command/,
    /^\s*% ?Unrecognized command/,
    /^\s*% ?Authorization denied/,
  ],
  privilege: { ...CISCO_STYLE_ENABLE, privilegedPrompt: /^[\w.@/:+-]{1,63}(?:\([\w.@/:+-]{0,40}\)){0,2}# ?$/ },
  onOpen: CISCO_STYLE_ON_OPEN,
  onClose: ['exit'],
  configCommands: ['show running-config'],
  factsCommands: [SHOW_VERSION],
  parseFacts(outputs) {
    const text = outputs[SHOW_VERSION] ?? '';
    return deviceFacts(VENDOR, {
      model: captured(text, /^Arista (\S+)/m),
      serial: captured(text, /^Serial number:[ \t]*(\S+)/m),
      osVersion: captured(text, /^Software image version:\s*(\S+)/m),
      uptimeSeconds: parseUptimePhrase(captured(text, /^Uptime:\s*(.+)$/m)),
    });
  },
  volatileLines: [/^! Time: /, /^! Startup-config last modified at /],
  secrets: CISCO_SECRETS,
};
