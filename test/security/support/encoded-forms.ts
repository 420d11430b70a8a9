/** Shorter needles than this would match by chance in megabytes of output. */
const MIN_NEEDLE_LENGTH = 8;

/**
 * The text of a secret in every form it could leak in: as is, JSON-escaped, URL- and
 * form-encoded, hex, and base64 (standard and URL-safe) at each of the three byte alignments it
 * could have inside a longer base64 text, keeping only the characters the secret alone decides.
 */
export function encodedForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = new Set<string>([
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice('s='.length),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
  ]);
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64').replace(/=+$/, '');
    // The first group mixes filler bits when shifted; the last partial group mixes in whatever follows.
    const start = shift === 0 ? 0 : 4;
    const end = Math.floor((shift + bytes.length) / 3) * 4;
    const inner = encoded.slice(start, end);
    forms.add(inner);
    forms.add(inner.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms].filter((form) => form.length >= MIN_NEEDLE_LENGTH);
}
