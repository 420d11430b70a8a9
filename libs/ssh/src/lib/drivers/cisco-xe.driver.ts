import type { PlatformDefinition } from '../platform-definition';
import { ciscoIos } from './cisco-ios.driver';

/** IOS-XE speaks IOS at the CLI; `parseFacts` already prefers the `Cisco IOS XE Software` line. */
export const ciscoXe: PlatformDefinition = {
  ...ciscoIos,
  name: 'cisco_xe',
  aliases: ['iosxe', 'ios-xe', 'cisco_iosxe'],
};
