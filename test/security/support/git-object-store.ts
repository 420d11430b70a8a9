import git from 'isomorphic-git';
import * as fs from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

export interface GitObject {
  oid: string;
  /** `blob`, `tree`, `commit` or `tag`. */
  type: string;
  content: Buffer;
}

async function entries(dir: string): Promise<string[]> {
  return readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
}

/** The object ids a pack index (version 2) lists: after the 8-byte header and the 256-entry fan-out table, N × 20 bytes. */
function packedObjectIds(index: Buffer): string[] {
  const count = index.readUInt32BE(8 + 255 * 4);
  const first = 8 + 256 * 4;
  return Array.from({ length: count }, (_unused, n) => index.subarray(first + n * 20, first + (n + 1) * 20).toString('hex'));
}

/**
 * Every object of a git repository, reachable or not: loose objects inflated straight from
 * `objects/xx/…`, packed ones through isomorphic-git by the ids their pack index lists.
 */
export async function readAllObjects(gitdir: string): Promise<GitObject[]> {
  const objects: GitObject[] = [];
  const objectsDir = join(gitdir, 'objects');
  for (const prefix of (await entries(objectsDir)).filter((name) => /^[0-9a-f]{2}$/.test(name))) {
    for (const rest of await entries(join(objectsDir, prefix))) {
      const raw = inflateSync(await readFile(join(objectsDir, prefix, rest)));
      const headerEnd = raw.indexOf(0);
      objects.push({ oid: prefix + rest, type: raw.subarray(0, headerEnd).toString('ascii').split(' ')[0] ?? '', content: raw.subarray(headerEnd + 1) });
    }
  }
  for (const index of (await entries(join(objectsDir, 'pack'))).filter((name) => name.endsWith('.idx'))) {
    for (const oid of packedObjectIds(await readFile(join(objectsDir, 'pack', index)))) {
      const { type, object } = await git.readObject({ fs, gitdir, oid, format: 'content' });
      objects.push({ oid, type, content: Buffer.from(object as Uint8Array) });
    }
  }
  return objects;
}
