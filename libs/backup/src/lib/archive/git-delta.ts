/** Longest copy one instruction can name (3 size bytes). */
const MAX_COPY_BYTES = 0xff_ffff;
/** Longest literal one instruction can carry. */
const MAX_INSERT_BYTES = 0x7f;

/**
 * A git delta that rebuilds `target` from `base`: the bytes both start with and end with are
 * copied from the base, the middle is inserted. Made for objects that differ in one place, as
 * a directory tree does after one file changed: one entry added, replaced or removed.
 */
export function encodeDelta(base: Buffer, target: Buffer): Buffer {
  const limit = Math.min(base.length, target.length);
  const prefix = longest((n) => base.subarray(0, n).equals(target.subarray(0, n)), limit);
  const suffix = longest((n) => base.subarray(base.length - n).equals(target.subarray(target.length - n)), limit - prefix);
  const parts: Buffer[] = [sizeBytes(base.length), sizeBytes(target.length)];
  copy(parts, 0, prefix);
  insert(parts, target.subarray(prefix, target.length - suffix));
  copy(parts, base.length - suffix, suffix);
  return Buffer.concat(parts);
}

/** The largest n in [0, limit] for which `holds(n)`, given that it holds for every smaller n too. */
function longest(holds: (n: number) => boolean, limit: number): number {
  let low = 0;
  let high = limit;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (holds(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A delta's size field: 7 bits a byte, least significant first. */
function sizeBytes(size: number): Buffer {
  const bytes: number[] = [];
  let rest = size;
  do {
    const low = rest & 0x7f;
    rest = Math.floor(rest / 128);
    bytes.push(rest > 0 ? low | 0x80 : low);
  } while (rest > 0);
  return Buffer.from(bytes);
}

/** Copy instructions: a flag byte saying which offset and size bytes follow, then those that are not zero. */
function copy(parts: Buffer[], offset: number, length: number): void {
  for (let done = 0; done < length; ) {
    const size = Math.min(MAX_COPY_BYTES, length - done);
    const at = offset + done;
    const bytes = [0x80];
    for (let i = 0; i < 4; i++) {
      const byte = Math.floor(at / 2 ** (8 * i)) & 0xff;
      if (byte === 0) continue;
      bytes[0] = (bytes[0] as number) | (1 << i);
      bytes.push(byte);
    }
    for (let i = 0; i < 3; i++) {
      const byte = (size >>> (8 * i)) & 0xff;
      if (byte === 0) continue;
      bytes[0] = (bytes[0] as number) | (0x10 << i);
      bytes.push(byte);
    }
    parts.push(Buffer.from(bytes));
    done += size;
  }
}

function insert(parts: Buffer[], literal: Buffer): void {
  for (let done = 0; done < literal.length; done += MAX_INSERT_BYTES) {
    const chunk = literal.subarray(done, done + MAX_INSERT_BYTES);
    parts.push(Buffer.from([chunk.length]), chunk);
  }
}

/** Rebuilds an object from its delta base and a git delta (copy and insert instructions), as git does. */
export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  let at = 0;
  const readSize = (): number => {
    let size = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = delta[at++] as number;
      size += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return size;
  };
  const baseSize = readSize();
  if (baseSize !== base.length) throw new Error(`delta expects a base of ${baseSize} bytes, not ${base.length}`);
  const target = Buffer.allocUnsafe(readSize());
  let written = 0;
  while (at < delta.length) {
    const op = delta[at++] as number;
    if (op & 0x80) {
      let offset = 0;
      let length = 0;
      for (let bit = 0; bit < 4; bit++) if (op & (1 << bit)) offset += (delta[at++] as number) * 2 ** (8 * bit);
      for (let bit = 0; bit < 3; bit++) if (op & (0x10 << bit)) length += (delta[at++] as number) * 2 ** (8 * bit);
      if (length === 0) length = 0x1_0000;
      written += base.copy(target, written, offset, offset + length);
    } else if (op > 0) {
      written += delta.copy(target, written, at, at + op);
      at += op;
    } else throw new Error('delta has a reserved instruction (0)');
  }
  if (written !== target.length) throw new Error(`delta built ${written} bytes, not the ${target.length} it announced`);
  return target;
}
