import { describe, expect, it } from 'vitest';
import { cleanConfig, SECRET_MARKER } from '../config-cleaner';
import { CISCO_SECRETS } from './cisco-secrets';

const cisco = { volatileLines: [], secrets: CISCO_SECRETS };

function masked(line: string): string {
  return cleanConfig(line, cisco).trimEnd();
}

describe('CISCO_SECRETS', () => {
  it.each([
    ['enable password level 5 7 0822455D0A16', 'enable password level 5 7 <M>'],
    ['enable password cisco', 'enable password <M>'],
    ['username u password 123', 'username u password <M>'],
    ['crypto isakmp key 6 address 192.0.2.1', 'crypto isakmp key <M> address 192.0.2.1'],
    [' key 7 123', ' key 7 <M>'],
    [' key Plain-Tacacs-Key', ' key <M>'],
    ['snmp-server host 192.0.2.10 public', 'snmp-server host 192.0.2.10 <M>'],
    ['snmp-server user u g v3 auth sha AuthPw priv aes 128 PrivPw', 'snmp-server user u g v3 auth sha <M> priv aes 128 <M>'],
    [' ppp pap sent-username isp password 7 01100F175804', ' ppp pap sent-username isp password 7 <M>'],
    [' ppp chap password 0 chapPw', ' ppp chap password 0 <M>'],
    ['  wpa-psk ascii 7 0822455D0A16', '  wpa-psk ascii 7 <M>'],
    [' area-password Area51', ' area-password <M>'],
    [' isis password IsisPw', ' isis password <M>'],
    ['ip ftp password 7 0822455D0A16', 'ip ftp password 7 <M>'],
  ])('masks %j', (line, expected) => expect(masked(line)).toBe(expected.replace(/<M>/g, SECRET_MARKER)));

  it.each([
    'service password-encryption',
    'password encryption aes',
    'security passwords min-length 8',
    ' key 1',
    ' key 10',
    'snmp-server host 192.0.2.10 use-vrf management',
    'snmp-server host 192.0.2.10 source-interface mgmt0',
    'username netkeep passphrase  lifetime 99999 warntime 14 gracetime 3',
    'username readonly nopassword',
    ' standby 1 authentication md5 key-chain HSRP-KEYS',
    ' ip ospf authentication key-chain OSPF-KEYS',
    ' description key 7 is documented in the runbook',
    'ntp trusted-key 1',
    'radius-server dead-criteria time 5 tries 3',
  ])('leaves %j alone', (line) => expect(masked(line)).toBe(line));
});
