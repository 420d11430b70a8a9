import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { CreateDeviceDto, UpdateDeviceDto } from '../inventory/device.dto';
import { DeviceListQueryDto } from '../inventory/device-query.dto';
import { isHostAddress } from './host-address';
import { unsafeNameReason } from './safe-name';

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true } as const;
const problems = (cls: new () => object, plain: object) =>
  Object.fromEntries(validateSync(plainToInstance(cls, plain), OPTIONS).flatMap((e) => [[e.property, Object.values(e.constraints ?? {}).concat(e.children?.flatMap((c) => Object.values(c.constraints ?? {})) ?? [])]]));

describe('host addresses', () => {
  it.each(['10.0.0.1', '2001:db8::1', '::1', 'router1', 'core-sw-01.dc1.example.net', 'example.net.', 'xn--bcher-kva.example'])('accepts %s', (host) => {
    expect(isHostAddress(host)).toBe(true);
  });

  it.each(['', '10.0.0.256', '1.2.3', '-edge.example.net', 'edge-.example.net', 'under_score.net', 'a b', `${'a'.repeat(64)}.net`, '[::1]', 'fe80::1%eth0', 'r1;reboot', 'a'.repeat(254)])('refuses %j', (host) => {
    expect(isHostAddress(host)).toBe(false);
  });
});

describe('names safe as file names', () => {
  it.each(['r1', 'core-sw-01', 'Edge Router 7', 'r1.cfg', 'a.b.c'])('accepts %j', (name) => {
    expect(unsafeNameReason(name)).toBeUndefined();
  });

  it.each([
    ['', 'must not be empty'],
    ['a/b', 'path separators'],
    ['a\\b', 'path separators'],
    ['..', '".."'],
    ['x..y', '".."'],
    ['.hidden', 'start with a dot'],
    ['tab\there', 'control characters'],
    ['del\u007f', 'control characters'],
    [' padded', 'whitespace'],
    ['x'.repeat(129), 'at most 128'],
  ])('refuses %j: %s', (name, reason) => {
    expect(unsafeNameReason(name)).toContain(reason);
  });
});

describe('device DTOs', () => {
  it('accepts a minimal device and a full SNMPv3 one', () => {
    expect(problems(CreateDeviceDto, { name: 'r1', host: '10.0.0.1', platform: 'ios' })).toEqual({});
    const snmp = { version: '3', username: 'poller', authProtocol: 'sha', authKey: 'auth-key-1', privProtocol: 'aes', privKey: 'priv-key-1' };
    expect(problems(CreateDeviceDto, { name: 'r1', host: '10.0.0.1', platform: 'ios', snmp })).toEqual({});
  });

  it('keeps v2c and v3 fields apart', () => {
    const mixed = problems(CreateDeviceDto, { name: 'r1', host: '10.0.0.1', platform: 'ios', snmp: { version: '2c', community: 'c', authProtocol: 'md5', authKey: 'abcdefgh' } });
    expect(mixed['snmp']).toContain('authProtocol applies to SNMP version 3 only');
  });

  it('PATCH: absent is fine, null clears nullable fields and is refused for the others', () => {
    expect(problems(UpdateDeviceDto, {})).toEqual({});
    expect(problems(UpdateDeviceDto, { site: null, role: null, notes: null, snmp: null, credentialId: null })).toEqual({});
    expect(Object.keys(problems(UpdateDeviceDto, { name: null, host: null, port: null, platform: null, tags: null, enabled: null }))).toEqual([
      'name',
      'host',
      'port',
      'platform',
      'tags',
      'enabled',
    ]);
  });

  it('reads list queries from raw query strings whatever the pipe converts', () => {
    const query = plainToInstance(DeviceListQueryDto, { limit: '25', offset: '50', enabled: 'false', tag: 'core' });
    expect(query).toMatchObject({ limit: 25, offset: 50, enabled: false, tag: ['core'] });
    expect(plainToInstance(DeviceListQueryDto, {})).toMatchObject({ limit: 50, offset: 0 });
    expect(plainToInstance(DeviceListQueryDto, { tag: ['a', 'b'] }, { enableImplicitConversion: true }).tag).toEqual(['a', 'b']);
    expect(plainToInstance(DeviceListQueryDto, { enabled: 'false' }, { enableImplicitConversion: true }).enabled).toBe(false);
  });
});
