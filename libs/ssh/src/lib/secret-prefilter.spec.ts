import { LAB_PLATFORMS, personaFor } from '@netkeep/device-lab';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanConfig } from './config-cleaner';
import { CISCO_SECRETS } from './drivers/cisco-secrets';
import { juniperJunos } from './drivers/juniper-junos.driver';
import type { PlatformDefinition, SecretRule } from './platform-definition';
import { PLATFORMS } from './platform-registry';
import { requiredLiterals } from './required-literals';
import { secretPrefilter } from './secret-prefilter';

const LINE_BREAK = /\r*\n\r*|\r+/;

/** Every text under a folder: `.txt` files whole, every string inside `.json` files (recorded sessions). */
function fixtureTexts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixtureTexts(path);
    if (name.endsWith('.txt')) return [readFileSync(path, 'utf8')];
    return name.endsWith('.json') ? jsonStrings(JSON.parse(readFileSync(path, 'utf8'))) : [];
  });
}

function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

/** The sample lines the secret specs quote, with their escapes undone (`\n` splits, `\\` is one backslash). */
function quotedInSpecs(dir: string): string[] {
  const specs = readdirSync(dir).filter((name) => name.endsWith('.spec.ts'));
  return specs.flatMap((name) =>
    [...readFileSync(join(dir, name), 'utf8').matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map((quoted) =>
      (quoted[1] ?? quoted[2] ?? quoted[3]).replace(/\\(.)/g, (_escape, char: string) => (char === 'n' ? '\n' : char === 'r' ? '\r' : char)),
    ),
  );
}

function labConfigTexts(): string[] {
  const bootedAt = new Date('2026-03-01T08:00:00Z');
  const state = { addedLines: [], descriptions: {}, changedAt: new Date('2026-03-02T08:00:00Z'), changedBy: 'admin' };
  return LAB_PLATFORMS.flatMap((platform) =>
    Array.from({ length: 8 }, (_, index) => {
      const device = { name: `lab-${platform}-${index}`, platform, index, address: `127.20.0.${index + 1}`, bootedAt };
      return personaFor(platform).renderConfig(device, state, new Date('2026-03-10T12:00:00Z')).text;
    }),
  );
}

const TEXTS = [...fixtureTexts(join(__dirname, 'drivers', 'fixtures')), ...quotedInSpecs(__dirname), ...quotedInSpecs(join(__dirname, 'drivers')), ...labConfigTexts()];
const LINES = [...new Set(TEXTS.flatMap((text) => text.split(LINE_BREAK).map((line) => line.trimEnd())))].filter((line) => line !== '');

/** What cleaning gave before the prefilter: every rule on every kept line. */
function cleanedWithEveryRule(raw: string, platform: PlatformDefinition): string {
  const unmasked = cleanConfig(raw, platform, { maskSecrets: false });
  const mask = (line: string) => platform.secrets.reduce((text, rule) => text.replace(rule.pattern, rule.replacement), line);
  return unmasked
    .split('\n')
    .map((line) => (line === '' ? line : mask(line)))
    .join('\n');
}

/** `cisco_ios secrets[0]`: where a rule is first declared, for messages. */
const RULE_NAMES = new Map<SecretRule, string>();
for (const platform of PLATFORMS) {
  platform.secrets.forEach((rule, index) => RULE_NAMES.has(rule) || RULE_NAMES.set(rule, `${platform.name} secrets[${index}]`));
}
const ALL_RULES = [...RULE_NAMES.keys()];

describe('secretPrefilter', () => {
  it('has lines enough from fixtures, specs and the lab to mean something', () => {
    expect(LINES.length).toBeGreaterThan(5000);
  });

  it.each(PLATFORMS.map((platform) => [platform.name, platform] as const))('leaves cleaning by %s byte for byte as it was', (_name, platform) => {
    for (const text of TEXTS) expect(cleanConfig(text, platform)).toBe(cleanedWithEveryRule(text, platform));
  });

  it('skips a rule only on a line the rule leaves unchanged, whichever platform it comes from', () => {
    const leaks: string[] = [];
    for (const rule of ALL_RULES) {
      const mayMatch = secretPrefilter(rule);
      for (const line of LINES) {
        // Also the masked form, which is what later rules and a second cleaning see.
        for (const text of [line, line.replace(rule.pattern, rule.replacement)]) {
          if (!mayMatch(text) && text.replace(rule.pattern, rule.replacement) !== text) leaks.push(`${RULE_NAMES.get(rule)}: ${text}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('covers the rules that cost most, and reports any rule that always runs', () => {
    const unfiltered = ALL_RULES.filter((rule) => !requiredLiterals(rule.pattern)).map((rule) => `${RULE_NAMES.get(rule)} ${rule.pattern}`);
    console.info(unfiltered.length === 0 ? 'every secret rule has a prefilter' : `secret rules without a prefilter:\n${unfiltered.join('\n')}`);

    expect(requiredLiterals(CISCO_SECRETS[0].pattern)).toBeDefined();
    const secretData = juniperJunos.secrets.find((rule) => rule.pattern.source.includes('## SECRET-DATA'));
    expect(secretData && requiredLiterals(secretData.pattern)).toEqual(['## SECRET-DATA']);
  });
});
