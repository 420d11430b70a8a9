import type { SnmpVarbind } from './snmp-session';

const TWO_64 = 2n ** 64n;

/**
 * A Counter64 as net-snmp hands it over: the BER content bytes, big-endian, minimal, so
 * 1 to 9 bytes (a leading 0x00 when the top bit is set). Read over the whole length; a
 * fixed 8-byte read is the classic bug that turns 2^63 and up into garbage.
 */
export function counter64FromBytes(bytes: Buffer): bigint {
  if (bytes.length === 0 || bytes.length > 9) throw new RangeError(`a Counter64 of ${bytes.length} bytes is not valid BER`);
  const value = BigInt(`0x${bytes.toString('hex')}`);
  if (value >= TWO_64) throw new RangeError(`Counter64 value 0x${bytes.toString('hex')} is above 2^64 - 1`);
  return value;
}

/** Any counter (Counter32, Counter64, Gauge) as an exact BigInt; undefined when absent or not a number. */
export function counterValue(varbind: SnmpVarbind | undefined): bigint | undefined {
  const value = varbind?.value;
  if (Buffer.isBuffer(value)) return counter64FromBytes(value);
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return BigInt(value);
  return undefined;
}

export function numberValue(varbind: SnmpVarbind | undefined): number | undefined {
  const value = varbind?.value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value) && value.length <= 6) return value.length === 0 ? 0 : value.readUIntBE(0, value.length);
  return undefined;
}

/** DisplayString: OctetString bytes as UTF-8 with trailing NULs dropped (some agents pad). */
export function textValue(varbind: SnmpVarbind | undefined): string | undefined {
  const value = varbind?.value;
  if (Buffer.isBuffer(value)) return value.toString('utf8').replace(/\0+$/, '');
  if (typeof value === 'string') return value;
  return undefined;
}

/** The last arc of an instance OID: the row index of a single-index table. */
export function rowIndex(oid: string): number {
  return Number(oid.slice(oid.lastIndexOf('.') + 1));
}
