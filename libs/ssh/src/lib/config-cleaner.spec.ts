import { describe, expect, it } from 'vitest';
import { cleanConfig, SECRET_MARKER } from './config-cleaner';
import { ciscoIos } from './drivers/cisco-ios.driver';
import type { SecretRule } from './platform-definition';

const platform = {
  volatileLines: [/^! Last change at /],
  secrets: [{ pattern: /^(snmp-server community )\S+/, replacement: `$1${SECRET_MARKER}` }] as SecretRule[],
};

describe('cleanConfig', () => {
  it('drops volatile lines and masks secrets', () => {
    const raw = '! Last change at 01:40\nhostname r1\nsnmp-server community public RO\nend\n';
    expect(cleanConfig(raw, platform)).toBe(`hostname r1\nsnmp-server community ${SECRET_MARKER} RO\nend\n`);
  });

  it('keeps secrets when masking is off', () => {
    const raw = '! Last change at 01:40\nsnmp-server community public RO\n';
    expect(cleanConfig(raw, platform, { maskSecrets: false })).toBe('snmp-server community public RO\n');
  });

  it('applies extra volatile rules and extra secrets on top of the platform', () => {
    const raw = 'hostname r1\n! generated 2026-11-27\nsnmp-server community public RO\nsite-token abc123\n';
    const cleaned = cleanConfig(raw, platform, {
      extraVolatile: [/^! generated /],
      extraSecrets: [{ pattern: /^(site-token )\S+/, replacement: `$1${SECRET_MARKER}` }],
    });
    expect(cleaned).toBe(`hostname r1\nsnmp-server community ${SECRET_MARKER} RO\nsite-token ${SECRET_MARKER}\n`);
  });

  it('ignores extra secrets when masking is off', () => {
    const extraSecrets = [{ pattern: /^(site-token )\S+/, replacement: `$1${SECRET_MARKER}` }];
    expect(cleanConfig('site-token abc123', platform, { maskSecrets: false, extraSecrets })).toBe('site-token abc123\n');
  });

  it('normalises CRLF, LFCR and lone CR line endings', () => {
    expect(cleanConfig('a\r\nb\r\r\nc\n\rd\re', platform)).toBe('a\nb\nc\nd\ne\n');
  });

  it('trims trailing blanks of every line and blank lines at both ends, not in between', () => {
    expect(cleanConfig('\n  \n\t\ninterface Gi0/1 \t\n description x  \n\n!\n\n \n', platform)).toBe('interface Gi0/1\n description x\n\n!\n');
  });

  it('drops the blank line a volatile header leaves at the top', () => {
    const raw = 'Building configuration...\n\nCurrent configuration : 42 bytes\n!\nversion 15.7\n';
    expect(cleanConfig(raw, ciscoIos)).toBe('!\nversion 15.7\n');
  });

  it('returns an empty text for empty or all-volatile output', () => {
    expect(cleanConfig('', platform)).toBe('');
    expect(cleanConfig('\r\n! Last change at 01:40\r\n\r\n', platform)).toBe('');
  });

  it('treats a volatile pattern with the g flag like any other', () => {
    const raw = 'stamp 1\nstamp 2\nstamp 3\nkeep\n';
    expect(cleanConfig(raw, platform, { extraVolatile: [/^stamp \d$/g] })).toBe('keep\n');
  });

  it('is idempotent', () => {
    const raw = 'hostname r1\nsnmp-server community public RO\n';
    const once = cleanConfig(raw, ciscoIos);
    expect(cleanConfig(once, ciscoIos)).toBe(once);
  });

  it('cleans a large configuration quickly', () => {
    const block = [
      'interface GigabitEthernet0/1',
      ' description uplink',
      ' ip address 10.0.0.1 255.255.255.252',
      ' ip ospf message-digest-key 1 md5 7 104D000A0618',
      '!',
      'username u privilege 15 secret 9 $9$abc$def',
      'snmp-server community public RO',
      '! Last configuration change at 01:40:11 UTC Fri Nov 27 2026',
    ].join('\n');
    const raw = Array.from({ length: 5_000 }, () => block).join('\n'); // 40 000 lines, about 1.3 MB
    cleanConfig(raw, ciscoIos);
    const started = performance.now();
    const cleaned = cleanConfig(raw, ciscoIos);
    const elapsedMs = performance.now() - started;
    expect(cleaned.split('\n').length).toBe(35_001);
    // Tens of milliseconds on a laptop; the bound only catches a pathological regression.
    expect(elapsedMs).toBeLessThan(1_000);
  });
});
