import { deflateSync } from 'node:zlib';

/** An object's body to deflate at zlib `level`. */
export interface ObjectToCompress {
  body: Uint8Array;
  level: number;
}

/**
 * The deflated bodies, in the order given, on the calling thread. A batch's objects are a few
 * kilobytes each: deflating them here costs less CPU than handing each to a thread pool
 * (zlib's asynchronous calls cost more in scheduling than in compressing) or to threads of
 * our own (start-up, and a copy each way), and a loaded machine is short of CPU, not latency.
 */
export function compressObjects(objects: readonly ObjectToCompress[]): Uint8Array[] {
  return objects.map((object) => deflateSync(object.body, { level: object.level }));
}
