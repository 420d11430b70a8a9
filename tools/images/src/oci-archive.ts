import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { readTarEntries, readTarEntry, type TarEntry } from './tar-entries';

/** The parts of an OCI image config that say how a container runs. */
export interface OciImageConfig {
  architecture: string;
  os: string;
  created?: string;
  config: {
    User?: string;
    Env?: string[];
    Entrypoint?: string[];
    Cmd?: string[];
    WorkingDir?: string;
    ExposedPorts?: Record<string, object>;
    Labels?: Record<string, string>;
  };
  rootfs: { type: string; diff_ids: string[] };
}

export interface OciLayer {
  digest: string;
  mediaType: string;
  size: number;
}

export interface OciArchive {
  /** The `org.opencontainers.image.ref.name` the archive was written with. */
  reference?: string;
  manifestDigest: string;
  configDigest: string;
  config: OciImageConfig;
  layers: OciLayer[];
  /** What a registry stores and a node pulls: the layer blobs as compressed in the archive (gzip-compressed when they are not). */
  compressedBytes: number;
  /** The layers unpacked; unknown for compressions Node.js cannot read (zstd). */
  uncompressedBytes?: number;
}

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

/** Reads an OCI image layout tar (`oci-archive:`): the first image it indexes, and what its layers weigh. */
export async function readOciArchive(path: string): Promise<OciArchive> {
  const entries = new Map((await readTarEntries(path)).map((entry) => [entry.name, entry]));
  const json = async <T>(name: string): Promise<T> => {
    const entry = entries.get(name);
    if (!entry) throw new Error(`${path} is not an OCI archive: it has no ${name}`);
    return JSON.parse((await readTarEntry(path, entry)).toString('utf8')) as T;
  };
  const blobName = (digest: string): string => `blobs/${digest.replace(':', '/')}`;

  let descriptor = (await json<{ manifests: Descriptor[] }>('index.json')).manifests[0];
  const reference = descriptor?.annotations?.['org.opencontainers.image.ref.name'];
  // An index may point at another index (multi-platform); follow it to the first image.
  while (descriptor && /index|manifest\.list/.test(descriptor.mediaType)) descriptor = (await json<{ manifests: Descriptor[] }>(blobName(descriptor.digest))).manifests[0];
  if (!descriptor) throw new Error(`${path} indexes no image`);
  const manifest = await json<{ config: Descriptor; layers: Descriptor[] }>(blobName(descriptor.digest));
  const config = await json<OciImageConfig>(blobName(manifest.config.digest));

  let compressedBytes = 0;
  let uncompressedBytes: number | undefined = 0;
  for (const layer of manifest.layers) {
    const entry = entries.get(blobName(layer.digest));
    if (!entry) throw new Error(`${path} lacks layer ${layer.digest}`);
    if (layer.mediaType.endsWith('+gzip') || layer.mediaType.endsWith('.gzip')) {
      compressedBytes += entry.size;
      uncompressedBytes = uncompressedBytes === undefined ? undefined : uncompressedBytes + (await streamedBytes(path, entry, createGunzip()));
    } else if (layer.mediaType.endsWith('+zstd')) {
      compressedBytes += entry.size;
      uncompressedBytes = undefined;
    } else {
      compressedBytes += await streamedBytes(path, entry, createGzip());
      uncompressedBytes = uncompressedBytes === undefined ? undefined : uncompressedBytes + entry.size;
    }
  }
  return {
    reference,
    manifestDigest: descriptor.digest,
    configDigest: manifest.config.digest,
    config,
    layers: manifest.layers.map(({ digest, mediaType, size }) => ({ digest, mediaType, size })),
    compressedBytes,
    uncompressedBytes,
  };
}

/** Bytes that come out of `transform` when one archive member goes in. */
async function streamedBytes(path: string, entry: TarEntry, transform: NodeJS.ReadWriteStream): Promise<number> {
  let bytes = 0;
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  if (entry.size === 0) return 0;
  await pipeline(createReadStream(path, { start: entry.offset, end: entry.offset + entry.size - 1 }), transform, counter);
  return bytes;
}
