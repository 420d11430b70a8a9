import type { SecretRule } from '../platform-definition';
import { maskValuesAfter } from './secret-rules';

/** An optional encryption type before the value: `7`, `9`, XR `10`, EOS `sha512`, XR `encrypted`. */
const TYPE = '(?:(?:[0-9]|10|sha512|encrypted) )?';

/**
 * Secrets in Cisco-style configurations (IOS, IOS-XE, NX-OS, IOS-XR, EOS): each entry is
 * what stands before a secret; the value is masked and the line keeps its shape
 * (`username admin privilege 15 secret 9 <secret hidden>`).
 */
export const CISCO_SECRETS: readonly SecretRule[] = [
  maskValuesAfter(
    [
      `^\\s*enable (?:secret|password)(?: level \\d+)? ${TYPE}`,
      `^\\s*username \\S+ (?:.*? )?(?:secret|password) ${TYPE}`,
      // Under `line vty`, an XR `username` or a BGP neighbour block.
      `^\\s+(?:password|secret) ${TYPE}`,
      `^\\s*aaa root secret ${TYPE}`,
      '^\\s*snmp-server community ',
      '^\\s*snmp-server host \\S+(?: vrf \\S+)?(?: (?:informs|traps))?(?: version (?:1|2c|3(?: (?:auth|noauth|priv))?))? (?!use-vrf |filter-vrf |source-interface )',
      // Both keys of one user; the line start is checked behind the keyword, so one line yields two matches.
      '\\bauth(?<=^\\s*snmp-server user .* auth) (?:md5|sha\\S*) ',
      '\\bpriv(?<=^\\s*snmp-server user .* priv) (?:(?:aes|des|3des|aes-?\\d+)(?: \\d+)? )?',
      `^\\s*(?:tacacs-server|radius-server)(?: .*?)? key ${TYPE}`,
      // `tacacs server`/`radius server` blocks; a bare number is a key chain's key id, not a key.
      '^\\s+key (?:(?:[0-9]|10) (?=\\S)|(?!\\d+$))',
      '\\bkey-string (?:password )?(?:[0-9] )?',
      '^\\s*crypto isakmp key (?:[0-9] (?!address\\b))?',
      '\\bpre-shared-key (?:address|hostname) .*? key (?:[0-9] )?',
      '\\bpre-shared-key (?:local |remote )?(?:[0-9] )?(?!address |hostname )',
      `^\\s*neighbor \\S+ password ${TYPE}`,
      `\\bmessage-digest-key \\d+ md5 ${TYPE}`,
      `^(?!\\s*ntp ).*?\\bauthentication-key ${TYPE}`,
      '^\\s*ntp authentication-key \\d+ (?:md5|sha1|sha256|hmac-sha256) ',
      '^\\s*(?:standby|vrrp)(?: \\d+)? authentication (?:text )?(?!md5 )',
      `\\bppp (?:chap|pap sent-username \\S+) password ${TYPE}`,
      '\\bwpa-psk (?:ascii|hex) (?:[0-9] )?',
      `^\\s*(?:isis password|area-password|domain-password) ${TYPE}`,
      `^\\s*ip (?:ftp|http client) password ${TYPE}`,
      '^\\s*service unsupported-transceiver \\S+ ',
    ],
    { flags: 'g' },
  ),
];
