import { ValidationFailedError } from '@netkeep/core';
import { personaFor } from '@netkeep/device-lab';
import { describe, expect, it } from 'vitest';
import { labConfigs } from '../../testing/archive.testkit';
import { DEFAULT_NOISE_RULES } from './default-noise-rules';
import { applyDropRules, NoiseFilter, significantText } from './noise-filter';
import { type NoiseRule, validateNoiseRule } from './noise-rule';

const labConfig = labConfigs(personaFor);

const config = ['hostname r1', '! Last configuration change at 10:00:00 UTC by admin', 'ntp clock-period 17179745', 'interface Gi0/1', ' description a', 'end', ''].join('\n');

describe('noise rules', () => {
  it('drops a drop-rule line before storage', () => {
    const rules: NoiseRule[] = [{ platform: 'cisco_ios', pattern: '^ntp clock-period ', action: 'drop' }];
    expect(applyDropRules(config, 'cisco_ios', rules)).not.toContain('ntp clock-period');
    expect(applyDropRules(config, 'cisco_ios', rules).endsWith('end\n')).toBe(true);
  });

  it('keeps an ignore-rule line in storage but leaves it out of the significant text', () => {
    const rules: NoiseRule[] = [{ platform: null, pattern: '^! Last configuration change', action: 'ignore' }];
    expect(applyDropRules(config, 'cisco_ios', rules)).toBe(config);
    expect(significantText(config, 'cisco_ios', rules)).not.toContain('Last configuration change');
    expect(significantText(config, 'cisco_ios', rules)).toContain('ntp clock-period');
  });

  it('applies a platform rule to that platform and its aliases only; a rule without platform to all', () => {
    const rules: NoiseRule[] = [
      { platform: 'ios', pattern: '^hostname', action: 'drop' },
      { pattern: '^end$', action: 'drop' },
    ];
    expect(applyDropRules(config, 'cisco_ios', rules)).not.toMatch(/^hostname|^end$/m);
    expect(applyDropRules(config, 'juniper_junos', rules)).toMatch(/^hostname/m);
    expect(applyDropRules(config, 'juniper_junos', rules)).not.toMatch(/^end$/m);
  });

  it('ships defaults that make a lab device read twice, hours apart, significantly equal', () => {
    for (const platform of ['cisco_ios', 'cisco_xr', 'cisco_nxos', 'arista_eos', 'juniper_junos', 'mikrotik_routeros', 'huawei_vrp'] as const) {
      const filter = NoiseFilter.for(platform, DEFAULT_NOISE_RULES);
      const first = labConfig(platform, {}, new Date('2026-03-10T12:00:00Z'));
      const later = labConfig(platform, { changedAt: new Date('2026-03-10T09:00:00Z') }, new Date('2026-03-10T15:31:07Z'));
      expect(first, platform).not.toBe(later);
      expect(filter.significant(filter.drop(first)), platform).toBe(filter.significant(filter.drop(later)));
    }
  });

  it('filters in one pass exactly what drop and then significant give, for every platform and a text without a final line break', () => {
    const rules: NoiseRule[] = [...DEFAULT_NOISE_RULES, { platform: null, pattern: '^$', action: 'drop' }, { platform: null, pattern: '^interface ', action: 'ignore' }];
    for (const platform of ['cisco_ios', 'cisco_xr', 'cisco_nxos', 'arista_eos', 'juniper_junos', 'mikrotik_routeros', 'huawei_vrp'] as const) {
      for (const text of [labConfig(platform), `${config}\n\n`, config.trimEnd(), '']) {
        const filter = NoiseFilter.for(platform, rules);
        const stored = filter.drop(text);
        expect(filter.filter(text), platform).toEqual({ stored, significant: filter.significant(stored) });
      }
    }
    expect(NoiseFilter.for('cisco_ios', rules).filter(config).significant).not.toMatch(/^interface |ntp clock-period/m);
  });

  it('drops IOS ntp clock-period and keeps the last-change line as ignored', () => {
    const filter = NoiseFilter.for('cisco_ios', DEFAULT_NOISE_RULES);
    const stored = filter.drop(labConfig('cisco_ios'));
    expect(stored).not.toMatch(/ntp clock-period|^Building configuration/m);
    expect(stored).toMatch(/^! Last configuration change at .* by admin$/m);
    expect(filter.isIgnored('! Last configuration change at 10:00:00 UTC by admin')).toBe(true);
  });
});

describe('validateNoiseRule', () => {
  const problemsOf = (rule: NoiseRule) => {
    try {
      validateNoiseRule(rule);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailedError);
      return (error as ValidationFailedError).errors;
    }
    throw new Error('expected the rule to be rejected');
  };

  it('says why a pattern is not a regular expression', () => {
    expect(problemsOf({ pattern: '^interface (', action: 'drop' })).toEqual([
      { field: 'pattern', problems: [expect.stringMatching(/^pattern is not a valid regular expression: .*Unterminated group/)] },
    ]);
  });

  it('bounds the pattern length and rejects nested repetition', () => {
    expect(problemsOf({ pattern: 'a'.repeat(301), action: 'drop' })[0]?.problems[0]).toMatch(/at most 300 characters/);
    for (const pattern of ['(a+)+$', '(\\w*\\s?)*x', '(?:ab+){2,}', '((x|y)+z)*', '(a*){2,5}']) {
      expect(problemsOf({ pattern, action: 'ignore' })[0]?.problems[0], pattern).toMatch(/already repeats/);
    }
  });

  it('accepts ordinary patterns and canonicalises the platform', () => {
    expect(validateNoiseRule({ platform: 'junos', pattern: '^## Last commit: \\S+', action: 'ignore' })).toEqual({
      platform: 'juniper_junos',
      pattern: '^## Last commit: \\S+',
      action: 'ignore',
      description: null,
    });
    expect(() => validateNoiseRule({ pattern: '(a+)b', action: 'drop' })).not.toThrow();
    expect(() => validateNoiseRule({ pattern: '(?:\\d{1,3}\\.){3}\\d{1,3}', action: 'drop' })).not.toThrow();
    expect(() => validateNoiseRule({ pattern: '^(?:interface|vlan) \\S+$', action: 'drop' })).not.toThrow();
  });

  it('rejects an unknown action', () => {
    expect(problemsOf({ pattern: 'x', action: 'delete' as 'drop' })).toEqual([{ field: 'action', problems: ['action must be one of drop, ignore'] }]);
  });
});
