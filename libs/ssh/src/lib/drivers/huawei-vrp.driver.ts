import type { PlatformDefinition } from '../platform-definition';
import { captured, deviceFacts } from './device-facts';
import { COMMON_LOGIN_INTERRUPTS } from './login-interrupts';
import { maskToken, maskValueAfter } from './secret-rules';
import { parseUptimePhrase } from './uptime';

const VENDOR = 'Huawei';
const DISPLAY_VERSION = 'display version';
const DISPLAY_ESN = 'display esn';

/** `VRP (R) software, Version 8.210 (NE40E V800R021C10SPC100)`: the release name is what engineers quote. */
const VRP_VERSION = /VRP \(R\) software, Version (\S+)(?: \((?:\S+ )?(V\d{3}R\d{3}\w*)\))?/;
/** `HUAWEI NE40E-X8A uptime is …`, `Quidway S5700-28C-EI Routing Switch uptime is 0 week, 12 days, …`. */
const MODEL_UPTIME = /^(?:HUAWEI|Huawei|Quidway) (\S+)(?: .*?)? uptime is (.+)$/m;

/**
 * User view `<HOST>`, system view `[HOST]`, VRP8 `[~HOST]`/`[*HOST]` (uncommitted), views
 * `[HOST-GigabitEthernet0/0/1]`, firewall HA prefix `HRP_M`/`HRP_S`.
 */
export const huaweiVrp: PlatformDefinition = {
  name: 'huawei_vrp',
  aliases: ['vrp', 'huawei', 'huawei_vrpv8'],
  vendor: VENDOR,
  prompt: /^(?:HRP_[MS])?(?:<[^<>\s]{1,64}>|\[[~*]?[^[\]\s]{1,128}\]) ?$/,
  pagers: [{ pattern: /^\s*---- More ----\s*$/, answer: ' ' }],
  loginInterrupts: COMMON_LOGIN_INTERRUPTS,
  failurePatterns: [
    /^\s*Error:\s*Unrecognized command/,
    /^\s*Error:\s*Incomplete command/,
    /^\s*Error:\s*Wrong parameter/,
    /^\s*Error:\s*Too many parameters/,
    /^\s*Error:\s*Ambiguous command/,
  ],
  onOpen: ['screen-length 0 temporary'],
  onClose: ['quit'],
  configCommands: ['display current-configuration'],
  factsCommands: [DISPLAY_VERSION, DISPLAY_ESN],
  parseFacts(outputs) {
    const version = outputs[DISPLAY_VERSION] ?? '';
    const release = VRP_VERSION.exec(version);
    const modelUptime = MODEL_UPTIME.exec(version);
    return deviceFacts(VENDOR, {
      model: modelUptime?.[1],
      serial: captured(outputs[DISPLAY_ESN], /ESN of [^:\n]*:\s*(\S+)/),
      osVersion: release?.[2] ?? release?.[1],
      uptimeSeconds: parseUptimePhrase(modelUptime?.[2]),
    });
  },
  volatileLines: [
    /^!Last configuration was (?:updated|saved) at /,
    // Printed before each output when `timestamp enable` is set.
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?(?: ?[+-]\d{2}:?\d{2}(?: DST)?)?$/,
  ],
  secrets: [
    maskToken(/%\^%#.*?%\^%#/g),
    maskToken(/%@%@.*?%@%@/g),
    maskToken(/%\$%\$.*?%\$%\$/g),
    // `ssh server cipher aes256_gcm …` lists algorithms, not a secret.
    maskValueAfter('(?<!\\bssh (?:server|client) )\\b(?:irreversible-)?cipher ', { flags: 'g' }),
    maskValueAfter('\\bpassword simple '),
    maskValueAfter('^\\s*snmp-agent community (?:read|write) (?!cipher )'),
  ],
};
