/** Words after which the rest of a line is free text (`description Uplink to core`). */
const FREE_TEXT = new Set(['description', 'desc', 'remark', 'name', 'alias', 'comment', 'location', 'contact', 'message', 'banner']);
const NEGATIONS = new Set(['no', 'undo']);

/** Whitespace-separated tokens; a double-quoted string is one token. */
export function lineTokens(line: string): string[] {
  return line.trim().match(/"(?:[^"\\]|\\.)*"?|\S+/g) ?? [];
}

/** Numbers, addresses, prefixes, ranges, quoted strings: the values of a setting, not its name. */
export function isValueLike(token: string): boolean {
  return (
    /^\d/.test(token) ||
    token.startsWith('"') ||
    /^[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,}(?:\/\d+)?$/i.test(token) ||
    /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i.test(token)
  );
}

function withoutNegation(tokens: string[]): string[] {
  return tokens.length > 1 && NEGATIONS.has(tokens[0]?.toLowerCase() ?? '') ? tokens.slice(1) : tokens;
}

/**
 * The name of the setting a line sets: `description Uplink` → `description`,
 * `ip address 10.0.0.1 255.255.255.0` → `ip address`, `neighbor 10.0.0.2 remote-as 65000`
 * → `neighbor 10.0.0.2 remote-as`, `switchport mode access` → `switchport mode`. Negations
 * (`no`, `undo`) name the same setting.
 */
export function settingKey(line: string): string {
  const tokens = withoutNegation(lineTokens(line));
  if (tokens.length <= 1) return tokens.join(' ');
  const freeText = tokens.findIndex((token, index) => index < tokens.length - 1 && FREE_TEXT.has(token.toLowerCase()));
  if (freeText >= 0) return tokens.slice(0, freeText + 1).join(' ');
  let end = tokens.length;
  while (end > 1 && isValueLike(tokens[end - 1] ?? '')) end--;
  if (end < tokens.length) return tokens.slice(0, end).join(' ');
  return tokens.slice(0, -1).join(' ');
}

/** The object a line belongs to when the line names one (`neighbor 10.0.0.2 …`, `rule 25 …`, `unit 110 …`). */
export function objectKey(line: string): string | undefined {
  const tokens = withoutNegation(lineTokens(line));
  const [first, second] = tokens;
  if (tokens.length >= 3 && first && second && !isValueLike(first) && isValueLike(second)) return `${first} ${second}`;
  return undefined;
}

/** Whether two lines are the same flag, one of them negated (`shutdown` / `undo shutdown`). */
export function isNegationOf(a: string, b: string): boolean {
  const ta = lineTokens(a);
  const tb = lineTokens(b);
  if (ta.length === tb.length) return false;
  return withoutNegation(ta).join(' ') === withoutNegation(tb).join(' ');
}
