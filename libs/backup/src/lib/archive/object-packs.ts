import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredObject } from './git-object-decoding';
import type { EncodedObject } from './git-objects';
import { encodeDelta } from './git-delta';
import { encodeDeltaOffset, encodePackIndex, entryCrc, entryHeader, PACK_HEADER_BYTES, PACK_TYPE_CODES, packHeader, type PackEntry, PackIndex } from './git-pack';
import { writeFileDurablyAs } from './durable-fs';
import { compressObjects } from './object-compression';
import { readLooseObject, readPackEntry } from './pack-entry-reader';
import { MAX_MERGED_PACK_BYTES, PackMerge, packsToMerge } from './pack-merge';

/** One pack of the repository: `objects/pack/<name>.pack` and its `.idx`. */
export interface StoredPack {
  name: string;
  index: PackIndex;
  bytes: number;
}

/** Past this many packs, `consolidate` merges the small ones: readers (git, isomorphic-git) look through every pack. */
const MAX_PACKS = 16;
const PACK_NAME = /^(pack-[0-9a-f]{40})\.idx$/;
/** Longest chain of deltas an entry may need (git's `pack.depth`). */
const MAX_DELTA_DEPTH = 50;
/** Files git may keep beside a pack, which go with it. */
const PACK_COMPANIONS = ['bitmap', 'rev', 'mtimes'];
/** Packs are read-only, as git leaves them. */
const PACK_FILE_MODE = 0o444;

/**
 * The objects of a repository's `objects/` directory as written here: each batch of new
 * objects as one pack (a file and its index, two fsyncs) rather than a file per object.
 * An object the repository already holds, loose or in any pack, is not written again. The
 * packs' indexes are kept in memory, refreshed from the directory before each write, so packs
 * that `git gc` or `consolidate` replaced are noticed.
 */
export class ObjectPacks {
  private packs = new Map<string, StoredPack>();
  private readonly objectsDir: string;
  private readonly packDir: string;

  constructor(gitdir: string) {
    this.objectsDir = join(gitdir, 'objects');
    this.packDir = join(this.objectsDir, 'pack');
  }

  get count(): number {
    return this.packs.size;
  }

  /** Too many packs: time to `consolidate`. */
  get crowded(): boolean {
    return this.packs.size > MAX_PACKS;
  }

  /**
   * Writes the objects the repository lacks as one pack; resolves once the pack and then its
   * index are on disk (an index never names a pack that is not there): only then may a ref
   * point at them.
   */
  async write(objects: readonly EncodedObject[]): Promise<void> {
    await this.refresh();
    const unique = [...new Map(objects.map((object) => [object.oid, object])).values()];
    const missing = unique.filter((object) => !this.has(object.oid));
    if (missing.length === 0) return;

    const forms = storedForms(missing);
    const compressed = compressObjects(forms.map((form) => form.payload));
    const chunks: Uint8Array[] = [packHeader(missing.length)];
    const entries: PackEntry[] = [];
    let offset = PACK_HEADER_BYTES;
    forms.forEach((form, i) => {
      const typeHeader = entryHeader(form.typeCode, form.payload.length);
      const header = form.base === undefined ? typeHeader : Buffer.concat([typeHeader, encodeDeltaOffset(offset - (entries[form.base] as PackEntry).offset)]);
      const data = compressed[i] as Uint8Array;
      entries.push({ oid: Buffer.from((missing[i] as EncodedObject).oid, 'hex'), offset, crc: entryCrc([header, data]) });
      chunks.push(header, data);
      offset += header.length + data.length;
    });
    const hash = createHash('sha1');
    for (const chunk of chunks) hash.update(chunk);
    const checksum = hash.digest();
    await this.store([Buffer.concat([...chunks, checksum])], () => checksum, entries);
  }

  /**
   * One object, packed or loose; undefined when the repository lacks it. A packed object is read
   * at its offset, never by loading its pack, so reading stays cheap in memory however large
   * the archive grows. A pack replaced meanwhile (a merge, `git gc`) is looked up again.
   */
  async read(oid: string): Promise<StoredObject | undefined> {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0 || !this.locate(oid)) await this.refresh();
      const found = this.locate(oid);
      if (!found) return readLooseObject(this.objectsDir, oid);
      try {
        return await this.readPacked(found.pack, found.offset);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt > 0) throw error;
      }
    }
  }

  /** Whether the repository holds `oid`, packed or loose. */
  has(oid: string): boolean {
    for (const pack of this.packs.values()) if (pack.index.has(oid)) return true;
    // A synchronous check costs a microsecond or two; an asynchronous one that misses costs an exception.
    return existsSync(join(this.objectsDir, oid.slice(0, 2), oid.slice(2)));
  }

  /**
   * Merges the small packs into one (git's `repack --geometric=2`: afterwards each pack holds
   * at least twice as many objects as all smaller ones together, so there are about log2 of
   * the object count), by copying their entries as they are, without inflating them. The
   * merged pack is durable before the packs it replaces are removed, so every object stays
   * readable throughout. Returns whether it replaced any.
   */
  async consolidate(): Promise<boolean> {
    await this.refresh();
    const mergeable = [...this.packs.values()].filter((pack) => !existsSync(join(this.packDir, `${pack.name}.keep`)));
    const sources = packsToMerge(mergeable, MAX_MERGED_PACK_BYTES);
    if (sources.length < 2) return false;
    const merge = new PackMerge(sources, (name) => readFile(join(this.packDir, `${name}.pack`)));
    await this.store(merge.bytes(), () => merge.checksum, merge.entries);
    for (const source of sources) {
      this.packs.delete(source.name);
      // The index first: a reader that lists packs never finds an index without its pack.
      for (const extension of ['idx', 'pack', ...PACK_COMPANIONS]) await unlink(join(this.packDir, `${source.name}.${extension}`)).catch(ignoreMissing);
    }
    return true;
  }

  private locate(oid: string): { pack: StoredPack; offset: number } | undefined {
    const id = Buffer.from(oid, 'hex');
    for (const pack of this.packs.values()) {
      const position = pack.index.find(id);
      if (position >= 0) return { pack, offset: pack.index.entryAt(position).offset };
    }
    return undefined;
  }

  private async readPacked(pack: StoredPack, offset: number): Promise<StoredObject> {
    const handle = await open(join(this.packDir, `${pack.name}.pack`), 'r');
    try {
      return await readPackEntry({ handle, bytes: pack.bytes }, offset, async (base) => {
        const object = await this.read(base);
        if (!object) throw new Error(`a delta in ${pack.name} names base ${base}, which the repository lacks`);
        return object;
      });
    } finally {
      await handle.close();
    }
  }

  /** The packs the directory holds now: new ones (a `git gc`, another writer) read, removed ones dropped. */
  async refresh(): Promise<void> {
    const listed = (await readdir(this.packDir).catch(ignoreMissing)) ?? [];
    const names = listed.flatMap((file) => PACK_NAME.exec(file)?.[1] ?? []);
    const packs = new Map<string, StoredPack>();
    for (const name of names) {
      const known = this.packs.get(name) ?? (await this.loadPack(name));
      if (known) packs.set(name, known);
    }
    this.packs = packs;
  }

  private async loadPack(name: string): Promise<StoredPack | undefined> {
    try {
      const [index, info] = await Promise.all([readFile(join(this.packDir, `${name}.idx`)), stat(join(this.packDir, `${name}.pack`))]);
      return { name, index: PackIndex.parse(index), bytes: info.size };
    } catch (error) {
      // Removed since the listing (a concurrent `git gc`).
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Writes a pack's bytes, then its index, each durably; both are named by the pack's checksum, known once the bytes are written. */
  private async store(packBytes: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, checksum: () => Buffer, entries: readonly PackEntry[]): Promise<void> {
    await mkdir(this.packDir, { recursive: true });
    const nameOf = () => `pack-${checksum().toString('hex')}`;
    const packPath = await writeFileDurablyAs(this.packDir, 'tmp_pack_', packBytes, () => join(this.packDir, `${nameOf()}.pack`), PACK_FILE_MODE);
    const name = nameOf();
    const index = encodePackIndex(entries, checksum());
    await writeFileDurablyAs(this.packDir, 'tmp_idx_', [index], () => join(this.packDir, `${name}.idx`), PACK_FILE_MODE);
    const { size } = await stat(packPath);
    this.packs.set(name, { name, index: PackIndex.parse(index), bytes: size });
  }
}

/** How a pack entry stores its object: whole, or as a delta against an earlier entry (`base`, its position). */
interface StoredForm {
  typeCode: number;
  payload: Buffer;
  base?: number;
  /** Deltas to apply to read it. */
  depth: number;
}

/**
 * Each object whole, or, when it names a `deltaBase` written earlier in the same pack, as a
 * delta against it if that is less than half its size; chains stay short (git's default
 * depth), since a reader applies every delta of one.
 */
function storedForms(objects: readonly EncodedObject[]): StoredForm[] {
  const written = new Map<string, { position: number; depth: number; body: Buffer }>();
  return objects.map((object, position) => {
    const base = object.deltaBase === undefined ? undefined : written.get(object.deltaBase);
    let form: StoredForm = { typeCode: PACK_TYPE_CODES[object.type], payload: object.body, depth: 0 };
    if (base && base.depth < MAX_DELTA_DEPTH) {
      const delta = encodeDelta(base.body, object.body);
      if (delta.length < object.body.length / 2) form = { typeCode: PACK_TYPE_CODES.ofsDelta, payload: delta, base: base.position, depth: base.depth + 1 };
    }
    written.set(object.oid, { position, depth: form.depth, body: object.body });
    return form;
  });
}

function ignoreMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}
