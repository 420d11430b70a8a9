import { describe, expect, it } from 'vitest';
import { cleanConfig, SECRET_MARKER } from '../config-cleaner';
import { mikrotikRouteros } from './mikrotik-routeros.driver';

describe('mikrotik_routeros', () => {
  it('asks for a plain, wide and tall terminal through the login name', () => {
    expect(mikrotikRouteros.loginUsername?.('admin')).toBe('admin+ct511w4098h');
  });

  it('keeps terminal options the operator chose', () => {
    expect(mikrotikRouteros.loginUsername?.('admin+t')).toBe('admin+t');
  });

  it('masks SNMP community names, recognised by what only that section carries', () => {
    const lines = [
      'add addresses=10.0.0.0/8 name=monitor',
      'set [ find default=yes ] name=public',
      '/snmp community add name=terse',
      'add authentication-protocol=SHA1 name=v3user security=authorized',
    ];
    expect(cleanConfig(lines.join('\n'), mikrotikRouteros)).toBe(
      [
        `add addresses=10.0.0.0/8 name=${SECRET_MARKER}`,
        `set [ find default=yes ] name=${SECRET_MARKER}`,
        `/snmp community add name=${SECRET_MARKER}`,
        `add authentication-protocol=SHA1 name=${SECRET_MARKER} security=authorized`,
        '',
      ].join('\n'),
    );
  });

  it('leaves names in other sections alone', () => {
    const lines = ['add name=bridge-lan protocol-mode=none', 'add address=192.0.2.1/24 interface=ether1 network=192.0.2.0', 'set [ find default-name=ether1 ] name=wan'];
    expect(cleanConfig(lines.join('\n'), mikrotikRouteros)).toBe(`${lines.join('\n')}\n`);
  });
});
