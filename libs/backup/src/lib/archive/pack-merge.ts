import { createHash } from 'node:crypto';
import { decodeDeltaOffset, decodeEntryHeader, encodeDeltaOffset, entryCrc, PACK_CHECKSUM_BYTES, PACK_HEADER_BYTES, PACK_TYPE_CODES, packHeader, type PackEntry, type PackIndex } from './git-pack';

/** What a merge needs of a pack. */
export interface MergeablePack {
  name: string;
  index: PackIndex;
  bytes: number;
}

/** Each pack kept must hold at least this many times the objects of all smaller packs together. */
const GEOMETRIC_FACTOR = 2;
/**
 * A merge reads its source packs whole, so merged packs stay small: the archive's process
 * (160 MiB in the cluster) never holds more than this of them at once. Reads never load a
 * pack (see pack-entry-reader.ts), so many packs of this size cost only their indexes.
 */
export const MAX_MERGED_PACK_BYTES = 32 * 1024 * 1024;

/**
 * The smallest packs, as many as merging takes for the rest to form a geometric progression
 * by object count (git's `repack --geometric`), without the merged pack passing `maxBytes`.
 */
export function packsToMerge<Pack extends MergeablePack>(packs: readonly Pack[], maxBytes: number): Pack[] {
  const sorted = [...packs].sort((a, b) => a.index.count - b.index.count);
  let split = 0;
  let smaller = 0;
  sorted.forEach((pack, i) => {
    if (pack.index.count < GEOMETRIC_FACTOR * smaller) split = i + 1;
    smaller += pack.index.count;
  });
  const chosen: Pack[] = [];
  let bytes = PACK_HEADER_BYTES + PACK_CHECKSUM_BYTES;
  for (const pack of sorted.slice(0, split)) {
    bytes += pack.bytes;
    if (bytes > maxBytes) break;
    chosen.push(pack);
  }
  return chosen;
}

/** Where each entry of one source pack went. */
interface SourceLayout {
  /** The source's entry offsets, ascending. */
  oldOffsets: number[];
  /** The offset in the merged pack of the entry at the same position (a duplicate: where its first copy went). */
  newOffsets: number[];
}

/**
 * Several packs as one: their entries copied as they are (compressed data untouched), in
 * order, an object found in an earlier source dropped. A delta that names its base by
 * offset gets the offset of the base's new place (the same, unless a dropped duplicate lay
 * between them). `bytes()` yields the merged pack; once it has, `entries` and `checksum` are
 * what its index needs.
 */
export class PackMerge {
  readonly entries: PackEntry[] = [];
  private readonly layouts: SourceLayout[] = [];
  private digest: Buffer | undefined;

  constructor(
    private readonly sources: readonly MergeablePack[],
    private readonly readPack: (name: string) => Promise<Buffer>,
  ) {}

  get checksum(): Buffer {
    if (!this.digest) throw new Error('the merged pack is not written yet');
    return this.digest;
  }

  async *bytes(): AsyncGenerator<Uint8Array> {
    const hash = createHash('sha1');
    const emit = (chunk: Uint8Array) => {
      hash.update(chunk);
      return chunk;
    };
    const kept = this.sources.reduce((count, _source, s) => count + this.keptCount(s), 0);
    yield emit(packHeader(kept));
    let offset = PACK_HEADER_BYTES;
    for (const [s, source] of this.sources.entries()) {
      const pack = await this.readPack(source.name);
      if (!pack.subarray(pack.length - PACK_CHECKSUM_BYTES).equals(source.index.packChecksum)) throw new Error(`${source.name}.pack does not match its index`);
      const byOffset = Array.from({ length: source.index.count }, (_, i) => source.index.entryAt(i)).sort((a, b) => a.offset - b.offset);
      const layout: SourceLayout = { oldOffsets: byOffset.map((entry) => entry.offset), newOffsets: [] };
      this.layouts.push(layout);
      // Entries copied unchanged and side by side are written as one run of the source's bytes.
      let run = { start: 0, end: 0 };
      for (const [i, entry] of byOffset.entries()) {
        const earlier = this.earlierCopy(s, entry.oid);
        if (earlier !== undefined) {
          layout.newOffsets.push(earlier);
          continue;
        }
        const end = byOffset[i + 1]?.offset ?? pack.length - PACK_CHECKSUM_BYTES;
        const stored = pack.subarray(entry.offset, end);
        const moved = this.rebased(stored, entry.offset, offset, layout);
        if (moved === stored && run.end === entry.offset) run.end = end;
        else {
          if (run.end > run.start) yield emit(pack.subarray(run.start, run.end));
          if (moved === stored) run = { start: entry.offset, end };
          else {
            run = { start: end, end };
            yield emit(moved);
          }
        }
        this.entries.push({ oid: entry.oid, offset, crc: moved === stored ? entry.crc : entryCrc([moved]) });
        layout.newOffsets.push(offset);
        offset += moved.length;
      }
      if (run.end > run.start) yield emit(pack.subarray(run.start, run.end));
    }
    this.digest = hash.digest();
    yield this.digest;
  }

  /** How many entries of source `s` no earlier source holds. */
  private keptCount(s: number): number {
    const { index } = this.sources[s] as MergeablePack;
    const earlier = this.sources.slice(0, s);
    let kept = 0;
    for (let i = 0; i < index.count; i++) {
      const { oid } = index.entryAt(i);
      if (!earlier.some((source) => source.index.find(oid) >= 0)) kept++;
    }
    return kept;
  }

  /** Where the merged pack already holds `oid` from an earlier source. */
  private earlierCopy(s: number, oid: Buffer): number | undefined {
    for (let e = 0; e < s; e++) {
      const position = (this.sources[e] as MergeablePack).index.find(oid);
      if (position < 0) continue;
      const layout = this.layouts[e] as SourceLayout;
      const oldOffset = (this.sources[e] as MergeablePack).index.entryAt(position).offset;
      return layout.newOffsets[binarySearch(layout.oldOffsets, oldOffset)];
    }
    return undefined;
  }

  /** The entry as it must be at `newOffset`: the same bytes, unless it is an offset delta whose distance to its base changed. */
  private rebased(stored: Buffer, oldOffset: number, newOffset: number, layout: SourceLayout): Buffer {
    const header = decodeEntryHeader(stored);
    if (header.typeCode !== PACK_TYPE_CODES.ofsDelta) return stored;
    const { distance, end } = decodeDeltaOffset(stored, header.length);
    const baseAt = layout.newOffsets[binarySearch(layout.oldOffsets, oldOffset - distance)];
    if (baseAt === undefined) throw new Error(`a delta at ${oldOffset} names no entry as its base`);
    if (newOffset - baseAt === distance) return stored;
    return Buffer.concat([stored.subarray(0, header.length), encodeDeltaOffset(newOffset - baseAt), stored.subarray(end)]);
  }
}

function binarySearch(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return sorted[low] === value ? low : -1;
}
