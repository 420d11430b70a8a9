/** One shell word, whatever it contains: `it's` → `'it'\''s'`. Plain words stay unquoted for readable logs. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
