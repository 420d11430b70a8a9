import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A folder holding one K3S release as its GitHub release assets are named: `install.sh`,
 * `k3s` (amd64) or `k3s-<arch>`, `k3s-airgap-images-<arch>.tar.zst|.tar.gz|.tar`, and
 * optionally `sha256sum-<arch>.txt`, against which the files are checked before they are sent.
 */
export interface AirgapBundle {
  dir: string;
  installScript: string;
  binary(arch: string): string;
  images(arch: string): string | undefined;
}

export class AirgapBundleError extends Error {
  override readonly name = 'AirgapBundleError';
}

const IMAGE_SUFFIXES = ['.tar.zst', '.tar.gz', '.tar'];

export function readAirgapBundle(dir: string): AirgapBundle {
  const installScript = join(dir, 'install.sh');
  if (!existsSync(installScript)) throw new AirgapBundleError(`air-gap bundle ${dir} has no install.sh (save https://get.k3s.io as install.sh)`);
  return {
    dir,
    installScript,
    binary(arch) {
      const file = join(dir, arch === 'amd64' ? 'k3s' : `k3s-${arch}`);
      if (!existsSync(file)) throw new AirgapBundleError(`air-gap bundle ${dir} has no ${arch} binary (${file}) for a node of that architecture`);
      return file;
    },
    images(arch) {
      return IMAGE_SUFFIXES.map((suffix) => join(dir, `k3s-airgap-images-${arch}${suffix}`)).find((file) => existsSync(file));
    },
  };
}

/** Checks a bundle file against the release's sha256sum-<arch>.txt when the bundle has one. */
export async function verifyAgainstReleaseChecksums(bundle: AirgapBundle, arch: string, file: string): Promise<void> {
  const sumsFile = join(bundle.dir, `sha256sum-${arch}.txt`);
  if (!existsSync(sumsFile)) return;
  const name = file.slice(bundle.dir.length + 1);
  const expected = readFileSync(sumsFile, 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+\*?/))
    .find(([, listed]) => listed === name)?.[0];
  if (!expected) return;
  const actual = await fileSha256(file);
  if (actual !== expected) throw new AirgapBundleError(`${file} is corrupt: sha256 ${actual}, ${sumsFile} says ${expected}; download it again`);
}

/** OCI archives (`*.tar`) of netkeep's images, in name order. */
export function imageArchives(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.tar(\.gz|\.zst)?$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
