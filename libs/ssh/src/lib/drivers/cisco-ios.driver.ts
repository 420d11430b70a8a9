import type { PlatformDefinition } from '../platform-definition';
import { CISCO_STYLE_ENABLE, CISCO_STYLE_ON_OPEN, CISCO_STYLE_PROMPT, MORE_PAGER } from './cisco-cli';
import { ciscoBoardSerial, ciscoProcessorModel, ciscoUptime } from './cisco-facts';
import { CISCO_SECRETS } from './cisco-secrets';
import { captured, deviceFacts } from './device-facts';
import { COMMON_LOGIN_INTERRUPTS } from './login-interrupts';

const VENDOR = 'Cisco';
const SHOW_VERSION = 'show version';

/**
 * `Cisco IOS XE Software, Version 17.09.04a` as Cisco names the release, `17.9.4a`: the IOS
 * line of 16.x/17.x agrees, and XE 3.x (`03.16.08.S`) has no other line that names it.
 */
function xeRelease(showVersion: string): string | undefined {
  return captured(showVersion, /Cisco IOS[ -]XE Software,? Version:? ?([^\s,]+)/i)?.replace(/(^|\.)0+(?=\d)/g, '$1');
}

export const ciscoIos: PlatformDefinition = {
  name: 'cisco_ios',
  aliases: ['ios', 'cisco.ios.ios', 'cisco_ios_ssh'],
  vendor: VENDOR,
  prompt: CISCO_STYLE_PROMPT,
  pagers: [MORE_PAGER],
  loginInterrupts: COMMON_LOGIN_INTERRUPTS,
  failurePatterns: [
    /^\s*% ?Invalid input detected/,
    /^\s*% ?Incomplete command/,
    /^\s*% ?Ambiguous command/,
    /^\s*% ?Unknown command/,
    /^\s*% ?(?:Access denied|Bad secrets|Authorization failed)/,
  ],
  privilege: CISCO_STYLE_ENABLE,
  onOpen: CISCO_STYLE_ON_OPEN,
  onClose: ['exit'],
  configCommands: ['show running-config'],
  factsCommands: [SHOW_VERSION],
  parseFacts(outputs) {
    const text = outputs[SHOW_VERSION] ?? '';
    return deviceFacts(VENDOR, {
      ...ciscoUptime(text),
      model: ciscoProcessorModel(text),
      serial: ciscoBoardSerial(text) ?? captured(text, /^System Serial Number\s*:\s*(\S+)/im),
      osVersion: xeRelease(text) ?? captured(text, /\bIOS\b.*?Software.*?, Version ([^\s,]+)/),
    });
  },
  volatileLines: [
    /^Building configuration\.\.\.$/,
    /^Current configuration ?: \d+ bytes$/,
    /^! Last configuration change at /,
    /^! NVRAM config last updated at /,
    /^! No configuration change since last restart/,
    /^\s*ntp clock-period \d+$/,
    // Printed before every output when `exec prompt timestamp` is configured.
    /^Load for five secs: /,
    /^Time source is /,
  ],
  secrets: CISCO_SECRETS,
};
