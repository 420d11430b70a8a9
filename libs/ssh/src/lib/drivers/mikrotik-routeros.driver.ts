import type { PlatformDefinition } from '../platform-definition';
import { captured, deviceFacts } from './device-facts';
import { COMMON_LOGIN_INTERRUPTS } from './login-interrupts';
import { maskValueAfter } from './secret-rules';
import { parseUptimePhrase } from './uptime';

const VENDOR = 'MikroTik';
const SYSTEM_RESOURCE = '/system resource print';
const SYSTEM_ROUTERBOARD = '/system routerboard print';

/** `key: value` lines of a RouterOS `print` listing, keys right-aligned. */
const FIELD = {
  uptime: /^[ \t]*uptime:[ \t]*(\S+)/m,
  version: /^[ \t]*version:[ \t]*(\S+)/m,
  boardName: /^[ \t]*board-name:[ \t]*(.+)$/m,
  model: /^[ \t]*model:[ \t]*(.+)$/m,
  serialNumber: /^[ \t]*serial-number:[ \t]*(\S+)/m,
};

const SECRET_PARAMETERS = [
  'password',
  'private-key',
  'secret',
  'authentication-password',
  'encryption-password',
  'passphrase',
  'pre-shared-key',
  'preshared-key',
  'wpa-pre-shared-key',
  'wpa2-pre-shared-key',
  'tcp-md5-key',
  'auth-key',
  'trap-community',
];

/**
 * No paging command and no privilege: the terminal options ride on the login name
 * (`admin+ct511w4098h`: no colours, no terminal detection, 511 wide, 4098 high).
 */
export const mikrotikRouteros: PlatformDefinition = {
  name: 'mikrotik_routeros',
  aliases: ['routeros', 'mikrotik', 'community.routeros.routeros'],
  vendor: VENDOR,
  // `[admin@host] > `, `[admin@host] /ip address> ` (v7: `/ip/address>`), safe mode `[admin@host] <SAFE> `.
  prompt: /^\[[^\]@\s]+@[^\]]+\] (?:\/[^<>]*)?(?:<SAFE)?> ?$/,
  pagers: [{ pattern: /^\s*-- \[Q quit\|D dump\|[^\]]*\]\s*$/, answer: ' ' }],
  loginInterrupts: COMMON_LOGIN_INTERRUPTS,
  failurePatterns: [/^\s*bad command name\b/, /^\s*expected end of command\b/, /^\s*syntax error\b/],
  onOpen: [],
  onClose: ['/quit'],
  configCommands: ['/export show-sensitive'],
  factsCommands: [SYSTEM_RESOURCE, SYSTEM_ROUTERBOARD],
  parseFacts(outputs) {
    const resource = outputs[SYSTEM_RESOURCE];
    const routerboard = outputs[SYSTEM_ROUTERBOARD];
    return deviceFacts(VENDOR, {
      model: captured(routerboard, FIELD.model) ?? captured(resource, FIELD.boardName),
      serial: captured(routerboard, FIELD.serialNumber),
      osVersion: captured(resource, FIELD.version),
      uptimeSeconds: parseUptimePhrase(captured(resource, FIELD.uptime)),
    });
  },
  volatileLines: [
    // `# 2026-11-27 01:45:26 by RouterOS 7.16.2` (v7), `# nov/27/2026 01:45:26 by RouterOS 6.49.10` (v6).
    /^# \S+ \d{1,2}:\d{2}:\d{2} by RouterOS /,
    // State the export reports as comments, not configuration.
    /^\s*#.*\b(?:not ready|not running|poe-out status|please restart the device|Firmware upgraded successfully)\b/,
  ],
  secrets: [
    maskValueAfter(`(?:^|\\s)(?:${SECRET_PARAMETERS.join('|')})=`, { flags: 'g' }),
    // `/snmp community` names are communities. Lines carry no section, so a community is
    // recognised by what only that section has: `addresses=`, `security=`, the default entry
    // or, in a terse export, the path itself.
    maskValueAfter(
      '^(?=.*(?:^/snmp community |\\saddresses=|\\ssecurity=(?:none|authorized|private)\\b|\\[ find default=yes \\])).*?\\sname=',
    ),
  ],
  loginUsername: (username) => (username.includes('+') ? username : `${username}+ct511w4098h`),
};
