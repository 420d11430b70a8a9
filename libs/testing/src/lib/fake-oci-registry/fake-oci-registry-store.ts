import { createHash, randomUUID } from 'node:crypto';
import { FakeOciRegistryError } from './fake-oci-registry-error';

/** A manifest as the fake stores it: the bytes the client sent, and the digest of those bytes. */
export interface FakeOciManifest {
  mediaType: string;
  digest: string;
  body: Buffer;
}

interface BlobUpload {
  repository: string;
  chunks: Buffer[];
}

/** The descriptors a manifest points at; an index's `manifests` are not followed, the fake stores images only. */
interface ManifestReferences {
  config?: { digest: string };
  layers?: { digest: string }[];
}

export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * What a registry keeps, in memory: blobs by digest (shared, as a registry deduplicates them),
 * which repository holds which blob, uploads in progress, and manifests by tag and by digest.
 */
export class FakeOciRegistryStore {
  private readonly blobs = new Map<string, Buffer>();
  private readonly repositoryBlobs = new Map<string, Set<string>>();
  private readonly uploads = new Map<string, BlobUpload>();
  private readonly manifests = new Map<string, FakeOciManifest>();

  blob(repository: string, digest: string): Buffer | undefined {
    return this.repositoryBlobs.get(repository)?.has(digest) ? this.blobs.get(digest) : undefined;
  }

  /** A cross-repository mount: succeeds when `from` holds the blob, as `POST …/uploads/?mount=&from=` does. */
  mount(repository: string, digest: string, from: string): boolean {
    if (!this.blob(from, digest)) return false;
    this.addToRepository(repository, digest);
    return true;
  }

  startUpload(repository: string): string {
    const id = randomUUID();
    this.uploads.set(id, { repository, chunks: [] });
    return id;
  }

  /** Appends a chunk and returns the bytes received so far. */
  appendToUpload(repository: string, id: string, chunk: Buffer): number {
    const upload = this.upload(repository, id);
    if (chunk.length) upload.chunks.push(chunk);
    return upload.chunks.reduce((total, part) => total + part.length, 0);
  }

  /** Ends an upload: the bytes must hash to the digest the client claims, as a registry checks. */
  completeUpload(repository: string, id: string, digest: string): void {
    const upload = this.upload(repository, id);
    const bytes = Buffer.concat(upload.chunks);
    const actual = sha256Digest(bytes);
    if (actual !== digest) throw new FakeOciRegistryError(400, 'DIGEST_INVALID', `the upload's content is ${actual}, not ${digest}`);
    this.uploads.delete(id);
    this.blobs.set(digest, bytes);
    this.addToRepository(repository, digest);
  }

  cancelUpload(repository: string, id: string): void {
    this.upload(repository, id);
    this.uploads.delete(id);
  }

  /** Stores a manifest under its tag (or digest), after checking every blob it names is in the repository. */
  putManifest(repository: string, reference: string, mediaType: string, body: Buffer): FakeOciManifest {
    let references: ManifestReferences;
    try {
      references = JSON.parse(body.toString('utf8')) as ManifestReferences;
    } catch {
      throw new FakeOciRegistryError(400, 'MANIFEST_INVALID', 'the manifest is not JSON');
    }
    for (const { digest } of [...(references.config ? [references.config] : []), ...(references.layers ?? [])]) {
      if (!this.blob(repository, digest)) throw new FakeOciRegistryError(400, 'MANIFEST_BLOB_UNKNOWN', `blob ${digest} is not in ${repository}`);
    }
    const manifest = { mediaType, digest: sha256Digest(body), body };
    if (reference.startsWith('sha256:') && reference !== manifest.digest) {
      throw new FakeOciRegistryError(400, 'DIGEST_INVALID', `the manifest is ${manifest.digest}, not ${reference}`);
    }
    this.manifests.set(`${repository}:${reference}`, manifest);
    this.manifests.set(`${repository}@${manifest.digest}`, manifest);
    return manifest;
  }

  /** By tag or by digest. */
  manifest(repository: string, reference: string): FakeOciManifest | undefined {
    return this.manifests.get(`${repository}${reference.startsWith('sha256:') ? '@' : ':'}${reference}`);
  }

  private upload(repository: string, id: string): BlobUpload {
    const upload = this.uploads.get(id);
    if (!upload || upload.repository !== repository) throw new FakeOciRegistryError(404, 'BLOB_UPLOAD_UNKNOWN', `no upload ${id} in ${repository}`);
    return upload;
  }

  private addToRepository(repository: string, digest: string): void {
    const held = this.repositoryBlobs.get(repository) ?? new Set<string>();
    held.add(digest);
    this.repositoryBlobs.set(repository, held);
  }
}
