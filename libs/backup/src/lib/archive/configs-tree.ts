import { type EncodedObject, treeEntry, treeOfEntries } from './git-objects';

interface Entry {
  name: string;
  /** The name's UTF-8 bytes: git orders entries by them. */
  key: Buffer;
  oid: string;
  /** The entry as the tree stores it. */
  encoded: Buffer;
}

const FILE_MODE = '100644';

/**
 * The files of `configs/` in one commit, kept in git's entry order with each entry already
 * encoded: a commit that changes one file re-encodes one entry and joins the rest, instead of
 * sorting and encoding the whole directory again (a thousand devices, a thousand entries,
 * every commit). Immutable: a change returns a new tree and leaves this one as it was.
 */
export class ConfigsTree {
  static readonly EMPTY = new ConfigsTree([]);

  private constructor(private readonly sorted: readonly Entry[]) {}

  /** From a commit's listing: name → blob id. */
  static of(files: Iterable<readonly [string, string]>): ConfigsTree {
    const entries = [...files].map(([name, oid]) => entryOf(name, oid));
    return new ConfigsTree(entries.sort((a, b) => Buffer.compare(a.key, b.key)));
  }

  get size(): number {
    return this.sorted.length;
  }

  /** The blob id of a file, or undefined. */
  get(name: string): string | undefined {
    const { index, found } = this.search(Buffer.from(name, 'utf8'));
    return found ? this.sorted[index]?.oid : undefined;
  }

  /** name → blob id, in git's order. */
  files(): Map<string, string> {
    return new Map(this.sorted.map((entry) => [entry.name, entry.oid]));
  }

  with(name: string, oid: string): ConfigsTree {
    const entry = entryOf(name, oid);
    const { index, found } = this.search(entry.key);
    const sorted = [...this.sorted];
    sorted.splice(index, found ? 1 : 0, entry);
    return new ConfigsTree(sorted);
  }

  without(name: string): ConfigsTree {
    const { index, found } = this.search(Buffer.from(name, 'utf8'));
    if (!found) return this;
    const sorted = [...this.sorted];
    sorted.splice(index, 1);
    return new ConfigsTree(sorted);
  }

  /** The directory as a git tree object. */
  object(): EncodedObject {
    return treeOfEntries(this.sorted.map((entry) => entry.encoded));
  }

  /** Where `key` is, or where it would go. */
  private search(key: Buffer): { index: number; found: boolean } {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = Buffer.compare((this.sorted[middle] as Entry).key, key);
      if (order === 0) return { index: middle, found: true };
      if (order < 0) low = middle + 1;
      else high = middle;
    }
    return { index: low, found: false };
  }
}

function entryOf(name: string, oid: string): Entry {
  return { name, key: Buffer.from(name, 'utf8'), oid, encoded: treeEntry(FILE_MODE, name, oid) };
}
