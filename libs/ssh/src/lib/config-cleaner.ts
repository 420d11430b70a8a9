import type { PlatformDefinition, SecretRule } from './platform-definition';
import { secretPrefilter, type SecretPrefilter } from './secret-prefilter';

export { SECRET_MARKER } from './drivers/secret-rules';

export interface CleanConfigOptions {
  /** Replace secrets with the marker (default); off for a restorable, access-controlled copy. */
  maskSecrets?: boolean;
  /** More lines to drop, on top of the platform's (a site's own banners, counters). */
  extraVolatile?: readonly RegExp[];
  /** More secrets to mask, on top of the platform's; ignored when `maskSecrets` is off. */
  extraSecrets?: readonly SecretRule[];
}

/** `\r\n`, `\n\r`, `\r\r\n` and lone `\r` all end a line. */
const LINE_BREAK = /\r*\n\r*|\r+/;

/**
 * The configuration as stored: line endings `\n`, trailing blanks and blank edge lines gone,
 * volatile lines dropped, secrets masked. Lines are matched one at a time, trailing blanks
 * already trimmed, so rules see `$` at the end of the visible text. Pure: the same input
 * always gives the same text, and cleaning a cleaned configuration changes nothing.
 */
export function cleanConfig(
  rawOutputs: string,
  definition: Pick<PlatformDefinition, 'volatileLines' | 'secrets'>,
  options: CleanConfigOptions = {},
): string {
  const { maskSecrets = true, extraVolatile = [], extraSecrets = [] } = options;
  const volatile = extraVolatile.length === 0 ? definition.volatileLines : [...definition.volatileLines, ...extraVolatile];
  const secrets = !maskSecrets ? [] : extraSecrets.length === 0 ? definition.secrets : [...definition.secrets, ...extraSecrets];
  const maskers = secrets.map((rule) => ({ rule, mayMatch: secretPrefilter(rule) }));
  const lines = rawOutputs.includes('\r') ? rawOutputs.split(LINE_BREAK) : rawOutputs.split('\n');

  const kept: string[] = [];
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line === '') {
      // Blank lines at the top are dropped here, those at the bottom after the loop.
      if (kept.length > 0) kept.push(line);
    } else if (!matchesAny(line, volatile)) {
      kept.push(maskers.length === 0 ? line : masked(line, maskers));
    }
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.length === 0 ? '' : `${kept.join('\n')}\n`;
}

function matchesAny(line: string, patterns: readonly RegExp[]): boolean {
  // `search` ignores `lastIndex`, so a pattern passed with the `g` flag stays correct.
  for (const pattern of patterns) if (line.search(pattern) !== -1) return true;
  return false;
}

function masked(line: string, maskers: readonly { rule: SecretRule; mayMatch: SecretPrefilter }[]): string {
  let text = line;
  // The prefilter sees the text as earlier rules left it, which is what the rule itself sees.
  for (const { rule, mayMatch } of maskers) if (mayMatch(text)) text = text.replace(rule.pattern, rule.replacement);
  return text;
}
