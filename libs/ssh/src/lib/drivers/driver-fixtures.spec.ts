import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanConfig, SECRET_MARKER } from '../config-cleaner';
import type { PlatformDefinition } from '../platform-definition';
import { PLATFORMS } from '../platform-registry';

/**
 * Golden fixtures per platform, on disk beside this file (`fixtures/<platform>/`):
 * - `cli-samples.json`: lines that must and must not be taken for a prompt, a pager or a failure;
 * - `facts/<case>/`: one output per facts command (`show version` → `show-version.txt`) and
 *   the `expected-facts.json` they must yield;
 * - `<name>.raw.txt`: a configuration as printed, with `<name>.cleaned.txt` (stored form),
 *   `<name>.unmasked.txt` (secrets kept) and `<name>.secrets.txt` (values that must not survive).
 */
const FIXTURES = join(__dirname, 'fixtures');

/** Lines no platform may take for its prompt: login questions and the usual output around them. */
const NEVER_PROMPTS = [
  '',
  'Password:',
  'Password: ',
  'Username: ',
  'login as: ',
  'Building configuration...',
  'Change now? [Y/N]: ',
  'Press any key to continue',
  ' --More-- ',
  '% Invalid input detected at \'^\' marker.',
];

interface CliSamples {
  prompts: string[];
  notPrompts: string[];
  privilegedPrompts?: string[];
  unprivilegedPrompts?: string[];
  pagers: string[];
  notPagers: string[];
  failures: string[];
  notFailures: string[];
}

function readText(...path: string[]): string {
  return readFileSync(join(FIXTURES, ...path), 'utf8');
}

/** `show chassis hardware` → `show-chassis-hardware.txt`, `/system resource print` → `system-resource-print.txt`. */
function outputFileName(command: string): string {
  return `${command.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.txt`;
}

function factsCases(platform: PlatformDefinition): string[] {
  const dir = join(FIXTURES, platform.name, 'facts');
  return existsSync(dir) ? readdirSync(dir) : [];
}

function configCases(platform: PlatformDefinition): string[] {
  const dir = join(FIXTURES, platform.name);
  return existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.raw.txt')).map((file) => file.slice(0, -'.raw.txt'.length)) : [];
}

describe.each(PLATFORMS.map((platform) => [platform.name, platform] as const))('%s fixtures', (name, platform) => {
  const samples = existsSync(join(FIXTURES, name, 'cli-samples.json'))
    ? (JSON.parse(readText(name, 'cli-samples.json')) as CliSamples)
    : undefined;

  it('has CLI samples, facts cases and configuration cases', () => {
    expect(samples).toBeDefined();
    expect(factsCases(platform).length).toBeGreaterThan(0);
    expect(configCases(platform).length).toBeGreaterThan(0);
  });

  describe('prompt', () => {
    it.each(samples?.prompts ?? [])('matches %j', (line) => expect(platform.prompt.test(line)).toBe(true));
    it.each([...NEVER_PROMPTS, ...(samples?.notPrompts ?? [])])('does not match %j', (line) => expect(platform.prompt.test(line)).toBe(false));
  });

  if (platform.privilege) {
    const { privilegedPrompt, secretPrompt } = platform.privilege;
    it.each(samples?.privilegedPrompts ?? [])('privileged prompt matches %j', (line) => expect(privilegedPrompt.test(line)).toBe(true));
    it.each(samples?.unprivilegedPrompts ?? [])('privileged prompt does not match %j', (line) => {
      expect(platform.prompt.test(line)).toBe(true);
      expect(privilegedPrompt.test(line)).toBe(false);
    });
    it('has privileged and unprivileged samples', () => {
      expect(samples?.privilegedPrompts?.length).toBeGreaterThan(0);
      expect(samples?.unprivilegedPrompts?.length).toBeGreaterThan(0);
    });
    it('recognises the secret question and nothing else', () => {
      expect(secretPrompt.test('Password: ')).toBe(true);
      expect(secretPrompt.test('Password:')).toBe(true);
      for (const line of samples?.prompts ?? []) expect(secretPrompt.test(line)).toBe(false);
    });
  }

  describe('pagers', () => {
    it.each(samples?.pagers ?? [])('answer %j', (line) => expect(platform.pagers.some((pager) => pager.pattern.test(line))).toBe(true));
    it.each([...(samples?.notPagers ?? []), ...(samples?.prompts ?? [])])('leave %j alone', (line) =>
      expect(platform.pagers.some((pager) => pager.pattern.test(line))).toBe(false),
    );
    it('each has a sample', () => {
      for (const pager of platform.pagers) expect(samples?.pagers.some((line) => pager.pattern.test(line)), String(pager.pattern)).toBe(true);
    });
  });

  describe('failure patterns', () => {
    it.each(samples?.failures ?? [])('catch %j', (line) => expect(platform.failurePatterns.some((pattern) => pattern.test(line))).toBe(true));
    it.each(samples?.notFailures ?? [])('pass %j', (line) => expect(platform.failurePatterns.some((pattern) => pattern.test(line))).toBe(false));
    it('each has a sample', () => {
      for (const pattern of platform.failurePatterns) expect(samples?.failures.some((line) => pattern.test(line)), String(pattern)).toBe(true);
    });
  });

  describe('facts', () => {
    it.each(factsCases(platform))('%s', (factsCase) => {
      const files = readdirSync(join(FIXTURES, name, 'facts', factsCase));
      const outputs = Object.fromEntries(platform.factsCommands.map((command) => [command, readText(name, 'facts', factsCase, outputFileName(command))]));
      // A misspelt output file would silently leave its command out.
      expect(files.sort()).toEqual([...platform.factsCommands.map(outputFileName), 'expected-facts.json'].sort());
      expect(platform.parseFacts(outputs)).toEqual(JSON.parse(readText(name, 'facts', factsCase, 'expected-facts.json')));
    });

    it('returns the vendor alone for missing or foreign output', () => {
      expect(platform.parseFacts({})).toEqual({ vendor: platform.vendor });
      const foreign = Object.fromEntries(platform.factsCommands.map((command) => [command, '% Invalid input detected\n\u0000\u001b[2J']));
      expect(platform.parseFacts(foreign)).toEqual({ vendor: platform.vendor });
    });
  });

  describe.each(configCases(platform))('configuration %s', (configCase) => {
    const raw = readText(name, `${configCase}.raw.txt`);
    const cleaned = readText(name, `${configCase}.cleaned.txt`);
    const secrets = readText(name, `${configCase}.secrets.txt`).split('\n').filter((line) => line !== '');

    it('is cleaned and masked as stored', () => expect(cleanConfig(raw, platform)).toBe(cleaned));

    it('keeps secrets when asked to', () => {
      expect(cleanConfig(raw, platform, { maskSecrets: false })).toBe(readText(name, `${configCase}.unmasked.txt`));
    });

    it('hides every secret value', () => {
      for (const secret of secrets) {
        expect(raw, 'listed secret appears in the raw configuration').toContain(secret);
        expect(cleaned).not.toContain(secret);
      }
      if (secrets.length > 0) expect(cleaned).toContain(SECRET_MARKER);
    });

    it('drops every volatile line', () => {
      for (const line of cleaned.split('\n')) expect(platform.volatileLines.some((pattern) => pattern.test(line)), line).toBe(false);
    });

    it('is unchanged by a second cleaning', () => expect(cleanConfig(cleaned, platform)).toBe(cleaned));

    it('cleans CRLF output to the same text', () => expect(cleanConfig(raw.replace(/\n/g, '\r\n'), platform)).toBe(cleaned));
  });
});
