import type { FileHandle } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { applyDelta } from './git-delta';
import type { GitObjectType, StoredObject } from './git-object-decoding';
import { decodeDeltaOffset, decodeEntryHeader, PACK_CHECKSUM_BYTES, PACK_TYPE_CODES } from './git-pack';

const TYPE_NAMES: Readonly<Record<number, GitObjectType>> = {
  [PACK_TYPE_CODES.commit]: 'commit',
  [PACK_TYPE_CODES.tree]: 'tree',
  [PACK_TYPE_CODES.blob]: 'blob',
  [PACK_TYPE_CODES.tag]: 'tag',
};
/** An entry's header, an offset delta's distance or a ref delta's base id all fit in this. */
const ENTRY_HEAD_BYTES = 64;
/** git's own limit on a delta chain. */
const MAX_CHAIN = 10_000;

/** One pack file, open for positioned reads. */
export interface OpenPack {
  handle: FileHandle;
  /** The pack's size in bytes. */
  bytes: number;
}

/**
 * Reads the object whose entry starts at `offset` without loading the pack: the entry's header,
 * then as many bytes as its inflated size can take compressed (the stream ends where it ends),
 * inflated; a delta is rebuilt on its base, found by offset in the same pack or, for a ref
 * delta, by id through `byId`. Memory stays about the size of the object and its bases.
 */
export async function readPackEntry(pack: OpenPack, offset: number, byId: (oid: string) => Promise<StoredObject>, chain = 0): Promise<StoredObject> {
  if (chain > MAX_CHAIN) throw new Error(`a delta chain in the pack is longer than ${MAX_CHAIN}`);
  const head = Buffer.alloc(ENTRY_HEAD_BYTES);
  await pack.handle.read(head, 0, Math.min(ENTRY_HEAD_BYTES, pack.bytes - offset), offset);
  const { typeCode, size, length } = decodeEntryHeader(head);
  let at = length;
  let base: (() => Promise<StoredObject>) | undefined;
  if (typeCode === PACK_TYPE_CODES.ofsDelta) {
    const { distance, end } = decodeDeltaOffset(head, at);
    at = end;
    const baseOffset = offset - distance;
    base = () => readPackEntry(pack, baseOffset, byId, chain + 1);
  } else if (typeCode === PACK_TYPE_CODES.refDelta) {
    const baseId = head.toString('hex', at, at + 20);
    base = () => byId(baseId);
    at += 20;
  } else if (TYPE_NAMES[typeCode] === undefined) {
    throw new Error(`pack entry at ${offset} has unknown type ${typeCode}`);
  }
  const start = offset + at;
  const compressed = Buffer.alloc(Math.min(compressBound(size), pack.bytes - PACK_CHECKSUM_BYTES - start));
  await pack.handle.read(compressed, 0, compressed.length, start);
  // inflate stops at the end of the entry's stream; what follows is the next entry.
  const data = inflateSync(compressed);
  if (data.length !== size) throw new Error(`pack entry at ${offset} inflated to ${data.length} bytes, not ${size}`);
  if (!base) return { type: TYPE_NAMES[typeCode] as GitObjectType, body: data };
  const resolved = await base();
  return { type: resolved.type, body: applyDelta(resolved.body, data) };
}

/** A loose object (`objects/ab/cdef…`): deflated `<type> <size>\0<body>`. */
export async function readLooseObject(objectsDir: string, oid: string): Promise<StoredObject | undefined> {
  const deflated = await readFile(join(objectsDir, oid.slice(0, 2), oid.slice(2))).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!deflated) return undefined;
  const bytes = inflateSync(deflated);
  const nul = bytes.indexOf(0);
  const [type] = bytes.toString('latin1', 0, nul).split(' ');
  if (type !== 'commit' && type !== 'tree' && type !== 'blob' && type !== 'tag') throw new Error(`loose object ${oid} has unknown type ${type}`);
  return { type, body: bytes.subarray(nul + 1) };
}

/** zlib's bound on deflated size (compressBound), with room for the stream's header and checksum. */
function compressBound(size: number): number {
  return size + (size >>> 12) + (size >>> 14) + (size >>> 25) + 64;
}
