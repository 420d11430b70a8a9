import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

type WriteOptions = BufferEncoding | { encoding?: BufferEncoding | null; mode?: number } | null | undefined;

/**
 * Writes a file so that it is either all there or not there at all, and on disk before this
 * resolves: a temporary file, fsync, rename over the target, fsync of the directory. A crash
 * mid-write leaves at most a stray `.tmp` file, never a truncated git object that later
 * writes would skip because it "exists".
 */
export async function writeFileDurably(path: string, data: string | Uint8Array, options?: WriteOptions): Promise<void> {
  const encoding = typeof options === 'string' ? options : (options?.encoding ?? undefined);
  const mode = typeof options === 'object' && options !== null ? options.mode : undefined;
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeThenRename(temporary, (handle) => handle.writeFile(data, encoding ? { encoding } : {}), () => path, mode);
}

/**
 * `writeFileDurably` for a file whose name depends on what was written (a pack is named by its
 * checksum): streams `chunks` to `<directory>/<temporaryPrefix>…`, then renames it to
 * `pathOf()`, asked once every chunk is written. Git's own temporary names (`tmp_pack_…`) let
 * `git gc` clear what a crash leaves.
 */
export async function writeFileDurablyAs(
  directory: string,
  temporaryPrefix: string,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  pathOf: () => string,
  mode?: number,
): Promise<string> {
  const temporary = join(directory, `${temporaryPrefix}${process.pid}_${randomBytes(6).toString('hex')}`);
  return writeThenRename(
    temporary,
    async (handle) => {
      for await (const chunk of chunks) await writeAll(handle, chunk);
    },
    pathOf,
    mode,
  );
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let written = 0; written < chunk.length; ) written += (await handle.write(chunk, written, chunk.length - written)).bytesWritten;
}

async function writeThenRename(temporary: string, write: (handle: FileHandle) => Promise<void>, pathOf: () => string, mode: number | undefined): Promise<string> {
  const handle = await open(temporary, 'wx', mode);
  try {
    await write(handle);
    await handle.sync();
  } finally {
    await handle.close();
  }
  const path = pathOf();
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
  return path;
}

/** A lock file older than this was left by a crashed writer: a real one holds it for milliseconds. */
const STALE_LOCK_MS = 60_000;

/** Another process holds `<file>.lock` (git's lock protocol). */
export class FileLockedError extends Error {
  constructor(readonly lockPath: string) {
    super(`${lockPath} exists: another process is writing this repository`);
  }
}

/**
 * Replaces `target` the way git updates a ref: create `<target>.lock` exclusively (so git and
 * any other writer following the protocol are kept out), decide the content while holding it,
 * write and fsync the lock, rename it over the target. A lock left by a crashed writer is
 * removed once it is stale.
 */
export async function replaceUnderLock(target: string, decide: () => Promise<string>): Promise<void> {
  const lockPath = `${target}.lock`;
  const handle = await openLock(lockPath);
  let closed = false;
  let renamed = false;
  try {
    await handle.writeFile(await decide(), { encoding: 'utf8' });
    await handle.sync();
    await handle.close();
    closed = true;
    await rename(lockPath, target);
    renamed = true;
  } finally {
    if (!closed) await handle.close().catch(() => undefined);
    if (!renamed) await unlink(lockPath).catch(() => undefined);
  }
  await syncDirectory(dirname(target));
}

async function openLock(lockPath: string, retried = false): Promise<Awaited<ReturnType<typeof open>>> {
  try {
    return await open(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = await stat(lockPath).then((info) => Date.now() - info.mtimeMs, () => 0);
    if (retried || age < STALE_LOCK_MS) throw new FileLockedError(lockPath);
    await unlink(lockPath).catch(() => undefined);
    return openLock(lockPath, true);
  }
}

/** Makes a rename or a new file in `directory` durable; a no-op where directories cannot be opened (Windows). */
export async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Best effort: the data itself is already synced.
  } finally {
    await handle?.close();
  }
}

/** node's fs for isomorphic-git, with every write made durable (objects, refs, config). */
export const durableGitFs = { promises: { ...fs.promises, writeFile: writeFileDurably } };
