import { ObjectType } from 'net-snmp';
import { describe, expect, it } from 'vitest';
import { counter64FromBytes, counterValue, numberValue, rowIndex, textValue } from './varbind-values';

describe('Counter64 decoding', () => {
  it.each([
    ['00', 0n],
    ['01', 1n],
    ['7f', 127n],
    ['0080', 128n],
    ['00ffffffff', 2n ** 32n - 1n],
    ['0100000000', 2n ** 32n],
    ['20000000000001', 2n ** 53n + 1n],
    ['7fffffffffffffff', 2n ** 63n - 1n],
    ['008000000000000000', 2n ** 63n],
    ['00ffffffffffffffff', 2n ** 64n - 1n],
    // Non-minimal 8-byte encodings some agents send are read the same way.
    ['0000000000000005', 5n],
    ['ffffffffffffffff', 2n ** 64n - 1n],
  ])('reads %s as %s exactly', (hex, value) => {
    expect(counter64FromBytes(Buffer.from(hex, 'hex'))).toBe(value);
  });

  it('refuses what no Counter64 can be', () => {
    expect(() => counter64FromBytes(Buffer.alloc(0))).toThrow(RangeError);
    expect(() => counter64FromBytes(Buffer.from('010000000000000000', 'hex'))).toThrow(/above 2\^64/);
    expect(() => counter64FromBytes(Buffer.alloc(10))).toThrow(RangeError);
  });
});

describe('varbind values', () => {
  const varbind = (value: unknown, type = ObjectType.Counter) => ({ oid: '1.3.6.1.2.1.2.2.1.10.7', type, value });

  it('reads every counter as an exact BigInt', () => {
    expect(counterValue(varbind(4_294_967_295))).toBe(4_294_967_295n);
    expect(counterValue(varbind(Buffer.from('008000000000000001', 'hex'), ObjectType.Counter64))).toBe(2n ** 63n + 1n);
    expect(counterValue(varbind(null))).toBeUndefined();
    expect(counterValue(undefined)).toBeUndefined();
  });

  it('reads DisplayStrings without trailing NULs, numbers, and row indexes', () => {
    expect(textValue(varbind(Buffer.from('Gi1/0/1\0\0'), ObjectType.OctetString))).toBe('Gi1/0/1');
    expect(numberValue(varbind(3, ObjectType.Integer))).toBe(3);
    expect(rowIndex('1.3.6.1.2.1.2.2.1.10.10101')).toBe(10101);
  });
});
