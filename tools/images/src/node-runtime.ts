import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileDigest, partialEntry, publishEntry } from './image-cache';
import { runCommand } from './run-command';

/** tools/images/node-runtime.json: the Node.js release every image runs, one npm package per CPU architecture. */
export const NODE_RUNTIME_LOCK = join(__dirname, '..', 'node-runtime.json');

interface NodeRuntimeLock {
  version: string;
  packages: Record<string, { name: string; integrity: string }>;
}

/** An unpacked `node-linux-<arch>` package: `bin/node`, `include/node` (headers for native modules), `LICENSE`. */
export interface NodeRuntime {
  version: string;
  /** `<name>@<version>` as pinned, with its integrity. */
  pin: { name: string; version: string; integrity: string };
  dir: string;
  binary: string;
}

export class NodeRuntimeIntegrityError extends Error {
  constructor(spec: string, expected: string, actual: string) {
    super(`${spec}: the registry's tarball has integrity ${actual}, but ${NODE_RUNTIME_LOCK} pins ${expected}`);
    this.name = 'NodeRuntimeIntegrityError';
  }
}

export async function readNodeRuntimeLock(arch: string = process.arch): Promise<NodeRuntime['pin']> {
  const lock = JSON.parse(await readFile(NODE_RUNTIME_LOCK, 'utf8')) as NodeRuntimeLock;
  const entry = lock.packages[arch];
  if (!entry) throw new Error(`${NODE_RUNTIME_LOCK} pins no Node.js runtime for ${arch} (pinned: ${Object.keys(lock.packages).join(', ')})`);
  return { name: entry.name, version: lock.version, integrity: entry.integrity };
}

/**
 * The pinned runtime from the npm registry (`npm pack`, which itself checks the registry's
 * checksum), verified against the integrity in the lock and unpacked once into the cache.
 */
export async function fetchNodeRuntime(cacheDir: string, arch: string = process.arch): Promise<NodeRuntime> {
  const pin = await readNodeRuntimeLock(arch);
  const [algorithm, expectedDigest] = pin.integrity.split('-', 2);
  if (algorithm !== 'sha512' || !expectedDigest) throw new Error(`${NODE_RUNTIME_LOCK}: integrity must be sha512-<base64> (got ${pin.integrity})`);
  const key = `${pin.name}-${pin.version}-${Buffer.from(expectedDigest, 'base64').toString('hex').slice(0, 16)}`;
  const dir = join(cacheDir, 'node-runtime', key);
  const runtime = { version: pin.version, pin, dir, binary: join(dir, 'bin', 'node') };
  if (existsSync(runtime.binary)) return runtime;

  const partial = await partialEntry(dir);
  await mkdir(join(partial, 'package'), { recursive: true });
  try {
    const spec = `${pin.name}@${pin.version}`;
    const { stdout } = await runCommand('npm', ['pack', spec, '--json', '--pack-destination', partial], { cwd: partial });
    const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
    const tarball = join(partial, packed.filename);
    const actual = `sha512-${await fileDigest(tarball, 'sha512', 'base64')}`;
    if (actual !== pin.integrity) throw new NodeRuntimeIntegrityError(spec, pin.integrity, actual);
    await runCommand('tar', ['-xzf', tarball, '-C', join(partial, 'package'), '--strip-components=1', '--no-same-owner']);
    await rm(tarball);
    await publishEntry(join(partial, 'package'), dir);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return runtime;
}
