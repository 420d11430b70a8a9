import type { PlatformDefinition } from '../platform-definition';
import { captured, deviceFacts } from './device-facts';
import { COMMON_LOGIN_INTERRUPTS } from './login-interrupts';
import { maskValueAfter, SECRET_MARKER } from './secret-rules';
import { parseUptimePhrase } from './uptime';

const VENDOR = 'Juniper';
const SHOW_VERSION = 'show version';
const SHOW_CHASSIS_HARDWARE = 'show chassis hardware';
const SHOW_SYSTEM_UPTIME = 'show system uptime';

const TIMESTAMP = '(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})';
const CURRENT_TIME = new RegExp(`^Current time:\\s*${TIMESTAMP}`, 'm');
const BOOTED = new RegExp(`^System booted:\\s*${TIMESTAMP}`, 'm');

function utcSeconds(match: RegExpExecArray | null): number | undefined {
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map(Number);
  return Date.UTC(year, month - 1, day, hours, minutes, seconds) / 1000;
}

/** Both times are printed in the device's zone, so their difference is exact; the `(2w3d 04:05 ago)` phrase is the fallback. */
function junosUptime(showSystemUptime: string): number | undefined {
  const now = utcSeconds(CURRENT_TIME.exec(showSystemUptime));
  const booted = utcSeconds(BOOTED.exec(showSystemUptime));
  if (now !== undefined && booted !== undefined && now >= booted) return now - booted;
  return parseUptimePhrase(captured(showSystemUptime, /^System booted:.*\(([^)]*?)\s*ago\)/m));
}

/** `user@host> ` operational, `user@host# ` configuration; `{master:0}` or `[edit]` stand on the line above. */
export const juniperJunos: PlatformDefinition = {
  name: 'juniper_junos',
  aliases: ['junos', 'juniper', 'juniper.junos.junos', 'junipernetworks.junos.junos'],
  vendor: VENDOR,
  prompt: /^[\w.+-]+@[\w.-]+[>#] ?$/,
  pagers: [{ pattern: /^\s*---\(more(?: \d+%)?\)---\s*$/, answer: ' ' }],
  loginInterrupts: COMMON_LOGIN_INTERRUPTS,
  failurePatterns: [/^\s*unknown command\./, /^\s*syntax error\b/],
  onOpen: ['set cli screen-length 0', 'set cli screen-width 511', 'set cli complete-on-space off'],
  onClose: ['exit'],
  configCommands: ['show configuration | display omit'],
  factsCommands: [SHOW_VERSION, SHOW_CHASSIS_HARDWARE, SHOW_SYSTEM_UPTIME],
  parseFacts(outputs) {
    // Virtual chassis and clusters repeat each block per member (`fpc0:`, `node0:`); the first one speaks for the device.
    const version = outputs[SHOW_VERSION] ?? '';
    return deviceFacts(VENDOR, {
      hostname: captured(version, /^Hostname:\s*(\S+)/m),
      model: captured(version, /^Model:\s*(\S+)/m),
      serial: captured(outputs[SHOW_CHASSIS_HARDWARE], /^Chassis\s+(\S+)/m),
      osVersion: captured(version, /^Junos:\s*(\S+)/m) ?? captured(version, /^JUNOS (?:Software Release|Base OS boot) \[([^\]]+)\]/m),
      uptimeSeconds: junosUptime(outputs[SHOW_SYSTEM_UPTIME] ?? ''),
    });
  },
  volatileLines: [
    /^## Last commit: /,
    /^\{(?:master|backup|primary|secondary|linecard|line-card)(?::[\w-]+)?\}$/,
    /^\[edit(?: [^\]]*)?\]$/,
  ],
  secrets: [
    // Junos tags every secret it prints; the quoted value is the secret.
    { pattern: /^(.*")(?:[^"\\]|\\.)*(";? *## SECRET-DATA)$/, replacement: `$1${SECRET_MARKER}$2` },
    // Untagged too, when quoted: `authentication-key 1 type md5 value …` (NTP) has an id there instead.
    maskValueAfter('\\b(?:encrypted-password|authentication-key) (?=")'),
    // SNMP communities: `community public {` at any depth; the bare `community public;` only
    // directly under `snmp`, because a policy's `from { community NAME; }` looks the same.
    maskValueAfter('^\\s*community ', { suffix: '(?= \\{)' }),
    maskValueAfter('^ {4}community ', { suffix: '(?=;)' }),
    // Archive-site URLs carry `user:password@`.
    { pattern: /(\b[a-z]+:\/\/[^:/@\s"]+:)[^@\s"]+(?=@)/, replacement: `$1${SECRET_MARKER}` },
  ],
};
