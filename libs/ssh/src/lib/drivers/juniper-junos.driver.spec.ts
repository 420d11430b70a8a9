import { describe, expect, it } from 'vitest';
import { cleanConfig } from '../config-cleaner';
import { juniperJunos } from './juniper-junos.driver';

function uptimeOf(showSystemUptime: string): number | undefined {
  return juniperJunos.parseFacts({ 'show system uptime': showSystemUptime }).uptimeSeconds;
}

describe('juniper_junos', () => {
  it('takes uptime from the current and boot times', () => {
    expect(uptimeOf('Current time: 2026-11-27 01:45:26 UTC\nSystem booted: 2026-11-27 00:45:20 UTC (01:00:06 ago)\n')).toBe(3_606);
  });

  it('falls back to the "ago" phrase without a current time', () => {
    expect(uptimeOf('System booted: 2026-11-06 21:40:20 UTC (2w6d 04:05 ago)\n')).toBe(20 * 86_400 + 4 * 3_600 + 5 * 60);
  });

  it('masks SNMP communities but not policy communities', () => {
    const config = [
      'snmp {',
      '    community public {',
      '        authorization read-only;',
      '    }',
      '    community "two words";',
      '}',
      'policy-options {',
      '    policy-statement P {',
      '        term t {',
      '            from {',
      '                community BLACKHOLE;',
      '            }',
      '        }',
      '    }',
      '    community BLACKHOLE members 65535:666;',
      '}',
    ].join('\n');
    const cleaned = cleanConfig(config, juniperJunos);
    expect(cleaned).not.toContain('public');
    expect(cleaned).not.toContain('two words');
    expect(cleaned).toContain('                community BLACKHOLE;');
    expect(cleaned).toContain('    community BLACKHOLE members 65535:666;');
  });

  it('keeps the NTP key id while masking its value', () => {
    const line = '        authentication-key 1 type md5 value "$9$abc"; ## SECRET-DATA';
    expect(cleanConfig(line, juniperJunos)).toBe('        authentication-key 1 type md5 value "<secret hidden>"; ## SECRET-DATA\n');
  });
});
