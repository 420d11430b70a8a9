import { open } from 'node:fs/promises';

/** A regular file inside a tar archive: where its bytes start and how many there are. */
export interface TarEntry {
  name: string;
  offset: number;
  size: number;
}

const BLOCK_BYTES = 512;

/**
 * The regular files of an uncompressed tar (ustar, with GNU and PAX long names), read header by
 * header without extracting anything: an OCI archive is small metadata beside large blobs.
 */
export async function readTarEntries(path: string): Promise<TarEntry[]> {
  const file = await open(path, 'r');
  try {
    const entries: TarEntry[] = [];
    const header = Buffer.alloc(BLOCK_BYTES);
    let offset = 0;
    let longName: string | undefined;
    for (;;) {
      const { bytesRead } = await file.read(header, 0, BLOCK_BYTES, offset);
      if (bytesRead < BLOCK_BYTES || header.every((byte) => byte === 0)) break;
      const size = parseOctal(header.subarray(124, 136));
      const type = String.fromCharCode(header[156] || 0x30);
      const dataOffset = offset + BLOCK_BYTES;
      if (type === 'L' || type === 'x') {
        const data = Buffer.alloc(size);
        await file.read(data, 0, size, dataOffset);
        longName = type === 'L' ? data.toString('utf8').replace(/\0.*$/s, '') : /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1];
      } else {
        if (type === '0') entries.push({ name: (longName ?? ustarName(header)).replace(/^\.\//, ''), offset: dataOffset, size });
        longName = undefined;
      }
      offset = dataOffset + Math.ceil(size / BLOCK_BYTES) * BLOCK_BYTES;
    }
    return entries;
  } finally {
    await file.close();
  }
}

export async function readTarEntry(path: string, entry: TarEntry): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const data = Buffer.alloc(entry.size);
    await file.read(data, 0, entry.size, entry.offset);
    return data;
  } finally {
    await file.close();
  }
}

function ustarName(header: Buffer): string {
  const field = (start: number, length: number): string => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
  const prefix = header.subarray(257, 263).toString('latin1').startsWith('ustar') ? field(345, 155) : '';
  const name = field(0, 100);
  return prefix ? `${prefix}/${name}` : name;
}

function parseOctal(field: Buffer): number {
  // GNU base-256 for sizes of 8 GiB and more.
  if (field[0] & 0x80) return field.subarray(1).reduce((value, byte) => value * 256 + byte, 0);
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  return text ? parseInt(text, 8) : 0;
}
