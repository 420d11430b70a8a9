/** An object identifier as numbers: `[1, 3, 6, 1, 2, 1, 1, 3, 0]`. */
export type Oid = readonly number[];

export function parseOid(text: string): Oid {
  const parts = (text.startsWith('.') ? text.slice(1) : text).split('.');
  const oid = new Array<number>(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const arc = parts[i] === '' ? Number.NaN : Number(parts[i]);
    if (!Number.isInteger(arc) || arc < 0) throw new Error(`"${text}" is not a numeric OID`);
    oid[i] = arc;
  }
  return oid;
}

export const formatOid = (oid: Oid): string => oid.join('.');

/** Lexicographic order of RFC 3416 (GetNext order): negative when `a` comes first. */
export function compareOids(a: Oid, b: Oid): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

export function startsWith(oid: Oid, prefix: Oid): boolean {
  return oid.length >= prefix.length && prefix.every((part, i) => oid[i] === part);
}
