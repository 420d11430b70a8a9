import { ObjectType } from 'net-snmp';
import { describe, expect, it } from 'vitest';
import { compareOids, formatOid, parseOid } from './oid';
import { VirtualMib, type MibObject } from './virtual-mib';

interface View {
  rows: number[];
}

const objects: MibObject<View>[] = [
  { kind: 'column', oid: parseOid('1.3.6.1.2.1.2.2.1.10'), rows: (view) => view.rows, read: (_view, row) => ({ type: ObjectType.Counter, value: row * 10 }) },
  { kind: 'scalar', oid: parseOid('1.3.6.1.2.1.1.3'), read: () => ({ type: ObjectType.TimeTicks, value: 42 }) },
  { kind: 'column', oid: parseOid('1.3.6.1.2.1.2.2.1.2'), rows: (view) => view.rows, read: (_view, row) => (row === 3 ? undefined : { type: ObjectType.OctetString, value: `if${row}` }) },
];
const mib = new VirtualMib(objects);
const view: View = { rows: [1, 3, 7] };
const walk = (from: string): string[] => {
  const seen: string[] = [];
  for (let next = mib.next(view, parseOid(from)); next; next = mib.next(view, next.oid)) seen.push(formatOid(next.oid));
  return seen;
};

describe('VirtualMib', () => {
  it('orders OIDs numerically, not as text', () => {
    expect(compareOids(parseOid('1.3.6.1.2.1.2.2.1.10'), parseOid('1.3.6.1.2.1.2.2.1.9'))).toBeGreaterThan(0);
    expect(compareOids(parseOid('1.3.6.1'), parseOid('1.3.6.1.0'))).toBeLessThan(0);
  });

  it('walks every instance in lexicographic order, skipping rows a column does not have', () => {
    expect(walk('1.3')).toEqual([
      '1.3.6.1.2.1.1.3.0',
      '1.3.6.1.2.1.2.2.1.2.1', '1.3.6.1.2.1.2.2.1.2.7',
      '1.3.6.1.2.1.2.2.1.10.1', '1.3.6.1.2.1.2.2.1.10.3', '1.3.6.1.2.1.2.2.1.10.7',
    ]);
  });

  it('continues from any OID, inside a column, between rows, or past an instance', () => {
    expect(mib.next(view, parseOid('1.3.6.1.2.1.2.2.1.10.1'))?.oid).toEqual(parseOid('1.3.6.1.2.1.2.2.1.10.3'));
    expect(mib.next(view, parseOid('1.3.6.1.2.1.2.2.1.10.2'))?.oid).toEqual(parseOid('1.3.6.1.2.1.2.2.1.10.3'));
    expect(mib.next(view, parseOid('1.3.6.1.2.1.2.2.1.10.3.5'))?.oid).toEqual(parseOid('1.3.6.1.2.1.2.2.1.10.7'));
    expect(mib.next(view, parseOid('1.3.6.1.2.1.1.3.0'))?.oid).toEqual(parseOid('1.3.6.1.2.1.2.2.1.2.1'));
    expect(mib.next(view, parseOid('1.3.6.1.2.1.2.2.1.10.7'))).toBeUndefined();
  });

  it('answers a Get with the value, noSuchInstance for a missing row, noSuchObject outside every object', () => {
    expect(mib.get(view, parseOid('1.3.6.1.2.1.2.2.1.10.7'))).toEqual({ type: ObjectType.Counter, value: 70 });
    expect(mib.get(view, parseOid('1.3.6.1.2.1.1.3.0'))).toEqual({ type: ObjectType.TimeTicks, value: 42 });
    expect(mib.get(view, parseOid('1.3.6.1.2.1.2.2.1.10.2'))).toBe(ObjectType.NoSuchInstance);
    expect(mib.get(view, parseOid('1.3.6.1.2.1.1.3'))).toBe(ObjectType.NoSuchInstance);
    expect(mib.get(view, parseOid('1.3.6.1.2.1.2.2.1.2.3'))).toBe(ObjectType.NoSuchInstance);
    expect(mib.get(view, parseOid('1.3.6.1.4.1.9.9'))).toBe(ObjectType.NoSuchObject);
  });
});
