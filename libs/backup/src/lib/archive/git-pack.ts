import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** The type code in a pack entry's header. */
export const PACK_TYPE_CODES = { commit: 1, tree: 2, blob: 3, tag: 4, ofsDelta: 6, refDelta: 7 } as const;

/** `PACK`, version 2, then the object count; entries follow, then the SHA-1 of all that. */
export const PACK_HEADER_BYTES = 12;
export const PACK_CHECKSUM_BYTES = 20;
const OID_BYTES = 20;
const INDEX_MAGIC = Buffer.from([0xff, 0x74, 0x4f, 0x63]);
const INDEX_VERSION = 2;
const FAN_OUT_BYTES = 256 * 4;
/** An offset at or above this is in the index's table of 8-byte offsets, which isomorphic-git cannot read: packs written here stay below it. */
export const LARGE_OFFSET = 0x8000_0000;

export function packHeader(objectCount: number): Buffer {
  const header = Buffer.alloc(PACK_HEADER_BYTES);
  header.write('PACK', 0, 'latin1');
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(objectCount, 8);
  return header;
}

/** An entry's header: the type in bits 4–6 of the first byte, the inflated size in its low 4 bits and then 7 bits a byte. */
export function entryHeader(typeCode: number, size: number): Buffer {
  const bytes = [(typeCode << 4) | (size & 0x0f)];
  let rest = Math.floor(size / 16);
  while (rest > 0) {
    bytes[bytes.length - 1] |= 0x80;
    bytes.push(rest & 0x7f);
    rest = Math.floor(rest / 128);
  }
  return Buffer.from(bytes);
}

/** How far back an offset delta's base lies, in git's encoding: 7 bits a byte, most significant first, each continuation adding one. */
export function encodeDeltaOffset(distance: number): Buffer {
  const bytes = [distance & 0x7f];
  let rest = Math.floor(distance / 128);
  while (rest > 0) {
    rest -= 1;
    bytes.unshift(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  return Buffer.from(bytes);
}

/** Reads an entry's header (see `entryHeader`) at the start of `bytes`: the type code, the inflated size and the header's length. */
export function decodeEntryHeader(bytes: Uint8Array): { typeCode: number; size: number; length: number } {
  let at = 0;
  let byte = bytes[at++] as number;
  const typeCode = (byte >> 4) & 0x07;
  let size = byte & 0x0f;
  for (let shift = 4; byte & 0x80; shift += 7) {
    byte = bytes[at++] as number;
    size += (byte & 0x7f) * 2 ** shift;
  }
  return { typeCode, size, length: at };
}

/** Reads an offset delta's distance (see `encodeDeltaOffset`) at `at`: the distance and where its encoding ends. */
export function decodeDeltaOffset(bytes: Uint8Array, at: number): { distance: number; end: number } {
  let byte = bytes[at++] as number;
  let distance = byte & 0x7f;
  while (byte & 0x80) {
    byte = bytes[at++] as number;
    distance = (distance + 1) * 128 + (byte & 0x7f);
  }
  return { distance, end: at };
}

/** The CRC-32 git's index keeps of an entry's bytes as stored (header and compressed data). */
export function entryCrc(chunks: readonly Uint8Array[]): number {
  return chunks.reduce((crc, chunk) => crc32(chunk, crc), 0);
}

/** Where one object lies in a pack. */
export interface PackEntry {
  oid: Buffer;
  offset: number;
  crc: number;
}

/**
 * A pack's `.idx`, version 2: fan-out by first byte, the ids in order, their CRCs, their
 * offsets, the pack's checksum and the index's own.
 */
export function encodePackIndex(entries: readonly PackEntry[], packChecksum: Buffer): Buffer {
  const sorted = [...entries].sort((a, b) => Buffer.compare(a.oid, b.oid));
  const fanOut = Buffer.alloc(FAN_OUT_BYTES);
  const counts = new Array<number>(256).fill(0);
  for (const entry of sorted) counts[entry.oid[0] as number] = (counts[entry.oid[0] as number] as number) + 1;
  let total = 0;
  counts.forEach((count, byte) => fanOut.writeUInt32BE((total += count), byte * 4));
  const crcs = Buffer.alloc(4 * sorted.length);
  const offsets = Buffer.alloc(4 * sorted.length);
  sorted.forEach((entry, i) => {
    if (entry.offset >= LARGE_OFFSET) throw new RangeError(`pack offset ${entry.offset} needs an 8-byte index entry`);
    crcs.writeUInt32BE(entry.crc, i * 4);
    offsets.writeUInt32BE(entry.offset, i * 4);
  });
  const version = Buffer.alloc(4);
  version.writeUInt32BE(INDEX_VERSION);
  const body = Buffer.concat([INDEX_MAGIC, version, fanOut, ...sorted.map((entry) => entry.oid), crcs, offsets, packChecksum]);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}

/** A parsed `.idx` (version 2), kept as its bytes: 20 bytes an object, looked up by binary search. */
export class PackIndex {
  readonly count: number;
  private readonly oidsAt: number;
  private readonly crcsAt: number;
  private readonly offsetsAt: number;
  private readonly largeOffsetsAt: number;

  private constructor(private readonly bytes: Buffer) {
    this.count = bytes.readUInt32BE(8 + FAN_OUT_BYTES - 4);
    this.oidsAt = 8 + FAN_OUT_BYTES;
    this.crcsAt = this.oidsAt + OID_BYTES * this.count;
    this.offsetsAt = this.crcsAt + 4 * this.count;
    this.largeOffsetsAt = this.offsetsAt + 4 * this.count;
  }

  static parse(bytes: Buffer): PackIndex {
    if (bytes.length < 8 + FAN_OUT_BYTES + 2 * PACK_CHECKSUM_BYTES || !bytes.subarray(0, 4).equals(INDEX_MAGIC) || bytes.readUInt32BE(4) !== INDEX_VERSION) {
      throw new Error('not a version 2 pack index');
    }
    return new PackIndex(bytes);
  }

  /** The checksum of the pack this index describes (its last 20 bytes). */
  get packChecksum(): Buffer {
    return this.bytes.subarray(this.bytes.length - 2 * PACK_CHECKSUM_BYTES, this.bytes.length - PACK_CHECKSUM_BYTES);
  }

  has(oid: string): boolean {
    return this.find(Buffer.from(oid, 'hex')) >= 0;
  }

  /** The position of `oid` in id order, or -1. */
  find(oid: Buffer): number {
    const first = oid[0] as number;
    let low = first === 0 ? 0 : this.bytes.readUInt32BE(8 + 4 * (first - 1));
    let high = this.bytes.readUInt32BE(8 + 4 * first);
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = Buffer.compare(this.oidAt(middle), oid);
      if (order === 0) return middle;
      if (order < 0) low = middle + 1;
      else high = middle;
    }
    return -1;
  }

  /** The i-th object in id order. */
  entryAt(i: number): PackEntry {
    return { oid: this.oidAt(i), offset: this.offsetAt(i), crc: this.bytes.readUInt32BE(this.crcsAt + 4 * i) };
  }

  private oidAt(i: number): Buffer {
    return this.bytes.subarray(this.oidsAt + OID_BYTES * i, this.oidsAt + OID_BYTES * (i + 1));
  }

  private offsetAt(i: number): number {
    const offset = this.bytes.readUInt32BE(this.offsetsAt + 4 * i);
    if (offset < LARGE_OFFSET) return offset;
    return Number(this.bytes.readBigUInt64BE(this.largeOffsetsAt + 8 * (offset & 0x7fff_ffff)));
  }
}
