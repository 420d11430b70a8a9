import { constants, deflateSync } from 'node:zlib';

/** zlib's smallest window, and the lookahead its window must leave beyond the input (MAX_MATCH + MIN_MATCH + 1). */
const MIN_WINDOW_BITS = 9;
const LOOKAHEAD_BYTES = 262;

/**
 * The deflated bodies, in the order given, on the calling thread. A batch's objects are a few
 * kilobytes each: deflating them here costs less CPU than handing each to a thread pool
 * (zlib's asynchronous calls cost more in scheduling than in compressing) or to threads of
 * our own (start-up, and a copy each way), and a loaded machine is short of CPU, not latency.
 *
 * At zlib's fastest level, as git writes loose objects (core.looseCompression): a batch's pack
 * is what git would have written loose, about twice as fast as the default level for some 13%
 * more bytes on configurations; `git gc --aggressive` recompresses when space matters more.
 * Each body gets the smallest window that spans it, which compresses to the same bytes with
 * less state for zlib to set up per object.
 */
export function compressObjects(bodies: readonly Uint8Array[]): Uint8Array[] {
  return bodies.map((body) => deflateSync(body, { level: constants.Z_BEST_SPEED, windowBits: windowBitsFor(body.length) }));
}

function windowBitsFor(size: number): number {
  return Math.min(constants.Z_MAX_WINDOWBITS, Math.max(MIN_WINDOW_BITS, Math.ceil(Math.log2(size + LOOKAHEAD_BYTES))));
}
