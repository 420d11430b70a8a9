/**
 * Just enough BER for the one USM answer net-snmp's agent does not give: a Report of
 * usmStatsWrongDigests when a v3 request carries a wrong authentication key. Real agents
 * (Net-SNMP's snmpd, IOS) send it, and it is how a manager tells a wrong key from a dead
 * device; without it the lab would only ever time out.
 */

/** The parts of an SNMPv3 message header a wrong-digest check needs. */
export interface V3Header {
  msgId: number;
  flags: number;
  engineId: Buffer;
  userName: string;
  /** A view into the message buffer itself: the digest check zeroes it in place. */
  authParams: Buffer;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OCTET_STRING = 0x04;
const OID = 0x06;
const COUNTER32 = 0x41;
const REPORT_PDU = 0xa8;
const USM_STATS_WRONG_DIGESTS = [1, 3, 6, 1, 6, 3, 15, 1, 1, 5, 0];
export const AUTH_FLAG = 0x01;

interface Tlv {
  tag: number;
  content: Buffer;
  /** Offset after this TLV in the buffer it was read from. */
  end: number;
}

function readTlv(buffer: Buffer, offset: number): Tlv {
  if (offset + 2 > buffer.length) throw new RangeError('truncated BER');
  const tag = buffer[offset];
  let length = buffer[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4 || start + bytes > buffer.length) throw new RangeError('bad BER length');
    length = buffer.subarray(start, start + bytes).reduce((value, byte) => value * 256 + byte, 0);
    start += bytes;
  }
  if (start + length > buffer.length) throw new RangeError('truncated BER');
  return { tag, content: buffer.subarray(start, start + length), end: start + length };
}

function readInteger(tlv: Tlv): number {
  if (tlv.tag !== INTEGER || tlv.content.length === 0 || tlv.content.length > 6) throw new RangeError('not an INTEGER');
  return tlv.content.readIntBE(0, tlv.content.length);
}

/** A sequence's children in order. */
function children(tlv: Tlv): Tlv[] {
  const items: Tlv[] = [];
  for (let offset = 0; offset < tlv.content.length; ) {
    const item = readTlv(tlv.content, offset);
    items.push(item);
    offset = item.end;
  }
  return items;
}

/** The header of an SNMPv3 USM message; undefined for v1/v2c or anything that does not parse. */
export function readV3Header(message: Buffer): V3Header | undefined {
  try {
    const [version, global, security] = children(readTlv(message, 0));
    if (readInteger(version) !== 3 || global.tag !== SEQUENCE || security.tag !== OCTET_STRING) return undefined;
    const [msgId, , flags] = children(global);
    const [engineId, , , userName, authParams] = children(readTlv(security.content, 0));
    return {
      msgId: readInteger(msgId),
      flags: flags.content[0] ?? 0,
      engineId: Buffer.from(engineId.content),
      userName: userName.content.toString('utf8'),
      authParams: authParams.content,
    };
  } catch {
    return undefined;
  }
}

function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length;
  const head = length < 0x80 ? [tag, length] : length < 0x100 ? [tag, 0x81, length] : [tag, 0x82, length >> 8, length & 0xff];
  return Buffer.concat([Buffer.from(head), content]);
}

/** Minimal two's complement, which also encodes Counter32 once values are non-negative. */
function integer(tag: number, value: number): Buffer {
  const bytes: number[] = [];
  let rest = BigInt(value);
  do {
    bytes.unshift(Number(rest & 0xffn));
    rest >>= 8n;
  } while (!((rest === 0n && !(bytes[0] & 0x80)) || (rest === -1n && bytes[0] & 0x80)));
  return tlv(tag, Buffer.from(bytes));
}

function oid(parts: readonly number[]): Buffer {
  const bytes = [parts[0] * 40 + parts[1]];
  for (const part of parts.slice(2)) {
    const chunk = [part & 0x7f];
    for (let rest = part >>> 7; rest > 0; rest >>>= 7) chunk.unshift((rest & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(OID, Buffer.from(bytes));
}

const sequence = (...items: Buffer[]): Buffer => tlv(SEQUENCE, Buffer.concat(items));
const octets = (value: Buffer | string): Buffer => tlv(OCTET_STRING, Buffer.isBuffer(value) ? value : Buffer.from(value));

export interface ReportingEngine {
  engineId: Buffer;
  engineBoots: number;
  engineTimeSeconds: number;
}

/** An unauthenticated Report answering `request`: usmStatsWrongDigests.0 = `count`. */
export function wrongDigestReport(request: V3Header, engine: ReportingEngine, count: number): Buffer {
  const securityParameters = sequence(
    octets(engine.engineId),
    integer(INTEGER, engine.engineBoots),
    integer(INTEGER, engine.engineTimeSeconds),
    octets(''),
    octets(''),
    octets(''),
  );
  const report = tlv(REPORT_PDU, Buffer.concat([
    integer(INTEGER, request.msgId),
    integer(INTEGER, 0),
    integer(INTEGER, 0),
    sequence(sequence(oid(USM_STATS_WRONG_DIGESTS), integer(COUNTER32, count))),
  ]));
  return sequence(
    integer(INTEGER, 3),
    sequence(integer(INTEGER, request.msgId), integer(INTEGER, 65_507), octets(Buffer.from([0])), integer(INTEGER, 3)),
    octets(securityParameters),
    sequence(octets(engine.engineId), octets(''), report),
  );
}
