import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDirectory } from './durable-fs';
import type { EncodedObject } from './git-objects';
import type { ObjectWriters } from './object-writers';

/**
 * Writes objects into the repository as git's loose objects (`objects/ab/cdef…`, the deflated
 * bytes), all of them together on `writers`' threads; an object already there is left alone,
 * its id says it is the same. Resolves once every object and every new fan-out directory is on
 * disk: only then may a ref point at them.
 */
export async function writeLooseObjects(gitdir: string, objects: readonly EncodedObject[], writers: ObjectWriters): Promise<void> {
  const objectsDir = join(gitdir, 'objects');
  const unique = [...new Map(objects.map((object) => [object.oid, object])).values()];
  // A synchronous check costs a microsecond or two; an asynchronous one that misses costs an exception.
  const missing = unique.filter((object) => !existsSync(pathOf(objectsDir, object.oid)));
  if (missing.length === 0) return;

  const newFanOut = [...new Set(missing.map((object) => join(objectsDir, object.oid.slice(0, 2))))].filter((dir) => !existsSync(dir));
  await Promise.all(newFanOut.map((dir) => mkdir(dir, { recursive: true })));
  await writers.write(missing.map((object) => ({ path: pathOf(objectsDir, object.oid), wrapped: object.wrapped, level: object.level })));
  // A new fan-out directory is an entry in `objects/`: durable only once that directory is synced too.
  if (newFanOut.length > 0) await syncDirectory(objectsDir);
}

function pathOf(objectsDir: string, oid: string): string {
  return join(objectsDir, oid.slice(0, 2), oid.slice(2));
}
