import { ObjectType } from 'net-snmp';
import { compareOids, startsWith, type Oid } from './oid';

/** One value as the agent returns it; Counter64 is a BigInt until it goes on the wire. */
export interface MibValue {
  type: ObjectType;
  value: number | string | Buffer | bigint;
}

/** A scalar object: its one instance is `oid.0`. */
export interface MibScalar<V> {
  kind: 'scalar';
  oid: Oid;
  read(view: V): MibValue | undefined;
}

/** A table column with a single integer index: instances are `oid.<row>`. */
export interface MibColumn<V> {
  kind: 'column';
  oid: Oid;
  /** Row indexes in ascending order. */
  rows(view: V): readonly number[];
  read(view: V, row: number): MibValue | undefined;
}

export type MibObject<V> = MibScalar<V> | MibColumn<V>;

/** What a Get answers for an instance that is not there. */
export type MibMiss = ObjectType.NoSuchObject | ObjectType.NoSuchInstance;

export interface MibInstance {
  oid: Oid;
  value: MibValue;
}

/**
 * A MIB computed on demand: no tree of instance nodes, only object definitions that read a
 * per-request view. Get and GetNext cost a scan of a few dozen definitions, and a thousand
 * devices share one set of them, which is what keeps the lab's agents small.
 */
export class VirtualMib<V> {
  private readonly objects: readonly MibObject<V>[];

  constructor(objects: readonly MibObject<V>[]) {
    this.objects = [...objects].sort((a, b) => compareOids(a.oid, b.oid));
  }

  get(view: V, oid: Oid): MibValue | MibMiss {
    const object = this.objects.find((candidate) => startsWith(oid, candidate.oid));
    if (!object) return ObjectType.NoSuchObject;
    const suffix = oid.slice(object.oid.length);
    if (suffix.length !== 1) return ObjectType.NoSuchInstance;
    const value = object.kind === 'scalar'
      ? (suffix[0] === 0 ? object.read(view) : undefined)
      : (object.rows(view).includes(suffix[0]) ? object.read(view, suffix[0]) : undefined);
    return value ?? ObjectType.NoSuchInstance;
  }

  /** The first instance after `oid` in lexicographic order; undefined at the end of the MIB. */
  next(view: V, oid: Oid): MibInstance | undefined {
    for (let i = this.firstCandidate(oid); i < this.objects.length; i++) {
      const object = this.objects[i];
      const found = object.kind === 'scalar' ? this.nextScalar(view, object, oid) : this.nextInColumn(view, object, oid);
      if (found) return found;
    }
    return undefined;
  }

  /** The object `oid` lies in, else the first one after it: objects never nest, so it is one step back at most. */
  private firstCandidate(oid: Oid): number {
    let low = 0;
    let high = this.objects.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareOids(this.objects[middle].oid, oid) < 0) low = middle + 1;
      else high = middle;
    }
    return low > 0 && startsWith(oid, this.objects[low - 1].oid) ? low - 1 : low;
  }

  private nextScalar(view: V, object: MibScalar<V>, after: Oid): MibInstance | undefined {
    const instance = [...object.oid, 0];
    if (compareOids(instance, after) <= 0) return undefined;
    const value = object.read(view);
    return value && { oid: instance, value };
  }

  private nextInColumn(view: V, column: MibColumn<V>, after: Oid): MibInstance | undefined {
    // Inside the column at row r, only rows above r sort after it; before the column, all of them.
    const inside = startsWith(after, column.oid) && after.length > column.oid.length;
    const rows = column.rows(view);
    for (let i = inside ? firstAbove(rows, after[column.oid.length]) : 0; i < rows.length; i++) {
      const value = column.read(view, rows[i]);
      if (value) return { oid: [...column.oid, rows[i]], value };
    }
    return undefined;
  }
}

/** Index of the first row above `row` in an ascending list. */
function firstAbove(rows: readonly number[], row: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle] <= row) low = middle + 1;
    else high = middle;
  }
  return low;
}
