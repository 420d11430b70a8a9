import { describe, expect, it } from 'vitest';
import { cleanConfig, SECRET_MARKER } from '../config-cleaner';
import { huaweiVrp } from './huawei-vrp.driver';

function masked(line: string): string {
  return cleanConfig(line, huaweiVrp).trimEnd();
}

describe('huawei_vrp secrets', () => {
  it.each([
    [' local-user admin password cipher %$%$Ol3O,S8`7=Hb|A5#x!dS,Y~{%$%$', ` local-user admin password cipher ${SECRET_MARKER}`],
    [' local-user admin password simple Admin@123', ` local-user admin password simple ${SECRET_MARKER}`],
    ['snmp-agent community read public', `snmp-agent community read ${SECRET_MARKER}`],
    ['snmp-agent community write private mib-view iso', `snmp-agent community write ${SECRET_MARKER} mib-view iso`],
    [' pre-shared-key cipher %^%#a b c%^%#', ` pre-shared-key cipher ${SECRET_MARKER}`],
  ])('masks %j', (line, expected) => expect(masked(line)).toBe(expected));

  it.each(['ssh server cipher aes256_gcm aes128_gcm', 'ssh client cipher aes256_ctr', ' authentication-mode password'])('leaves %j alone', (line) => {
    expect(masked(line)).toBe(line);
  });
});
