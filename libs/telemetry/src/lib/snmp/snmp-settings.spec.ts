import * as snmp from 'net-snmp';
import { describe, expect, it } from 'vitest';
import { SnmpSettingsError } from './snmp-errors';
import { checkSnmpSettings, usmUser, type SnmpSettings } from './snmp-settings';

const base = { host: '192.0.2.1', timeoutMs: 1000, retries: 1 };

describe('SNMP settings', () => {
  it.each([
    [{ ...base, version: '2c' }, /version 2c needs a "community"/],
    [{ ...base, version: '3' }, /version 3 needs a "user"/],
    [{ ...base, version: '3', user: 'u', privKey: 'privpriv' }, /a privacy key needs an authentication key/],
    [{ ...base, version: '3', user: 'u', authKey: 'short' }, /"authKey" must be at least 8 characters/],
    [{ ...base, version: '2c', community: 'c', timeoutMs: 0 }, /"timeoutMs" must be above 0/],
    [{ ...base, version: '2c', community: 'c', port: 70_000 }, /port 70000 is not a UDP port/],
    [{ ...base, version: '1', community: 'c' }, /version "1" is not one of 2c, 3/],
  ] as [SnmpSettings, RegExp][])('refuses %j', (settings, message) => {
    expect(() => checkSnmpSettings(settings)).toThrow(SnmpSettingsError);
    expect(() => checkSnmpSettings(settings)).toThrow(message);
  });

  it('derives the v3 security level from the keys given, SHA and AES by default', () => {
    const v3 = { ...base, version: '3' as const, user: 'nk' };
    expect(usmUser(v3)).toEqual({ name: 'nk', level: snmp.SecurityLevel.noAuthNoPriv });
    expect(usmUser({ ...v3, authKey: 'authauth' })).toMatchObject({ level: snmp.SecurityLevel.authNoPriv, authProtocol: snmp.AuthProtocols.sha });
    expect(usmUser({ ...v3, authKey: 'authauth', authProtocol: 'sha256', privKey: 'privpriv' })).toMatchObject({
      level: snmp.SecurityLevel.authPriv, authProtocol: snmp.AuthProtocols.sha256, privProtocol: snmp.PrivProtocols.aes,
    });
  });
});
