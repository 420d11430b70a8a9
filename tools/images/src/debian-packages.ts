import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileDigest, partialEntry } from './image-cache';
import { CommandFailedError, runCommand } from './run-command';

/** tools/images/debian-packages.json: the Debian packages whose files an image carries, pinned by version and checksum. */
export const DEBIAN_PACKAGES_LOCK = join(__dirname, '..', 'debian-packages.json');

export interface DebianPackagePin {
  name: string;
  version: string;
  sha256: string;
}

export interface DebianPackagesLock {
  suite: string;
  architecture: string;
  packages: DebianPackagePin[];
}

export interface DownloadedDebianPackage extends DebianPackagePin {
  path: string;
}

/**
 * What an image needs of a package is its shared libraries and their licences; the rest
 * (manuals, lintian overrides, debugger and Python pretty-printers) is left out.
 */
const UNSHIPPED_PATHS = ['usr/share/man', 'usr/share/info', 'usr/share/lintian', 'usr/share/gdb', 'usr/share/gcc'];

export class DebianPackageUnavailableError extends Error {
  constructor(pins: DebianPackagePin[], cause: string) {
    super(
      `apt cannot download ${pins.map((pin) => `${pin.name}=${pin.version}`).join(', ')}: run \`apt-get update\` if apt has no package lists yet; ` +
        `if the pinned versions are gone (a Debian point release replaces them), \`npm run image -- --lock-debian-packages\` pins the current ones.\n${cause}`,
    );
    this.name = 'DebianPackageUnavailableError';
  }
}

export async function readDebianPackagesLock(): Promise<DebianPackagesLock> {
  return JSON.parse(await readFile(DEBIAN_PACKAGES_LOCK, 'utf8')) as DebianPackagesLock;
}

/** The pinned .deb files, from the cache or through `apt-get download`, each checked against its pinned SHA-256. */
export async function fetchDebianPackages(cacheDir: string, lock: DebianPackagesLock): Promise<DownloadedDebianPackage[]> {
  const dir = join(cacheDir, 'debian');
  await mkdir(dir, { recursive: true });
  const cached = (pin: DebianPackagePin): string => join(dir, `${pin.name}_${pin.version.replace(/:/g, '%3a')}_${lock.architecture}-${pin.sha256.slice(0, 16)}.deb`);
  const missing: DebianPackagePin[] = [];
  for (const pin of lock.packages) {
    if (!existsSync(cached(pin)) || (await fileDigest(cached(pin), 'sha256')) !== pin.sha256) missing.push(pin);
  }

  if (missing.length > 0) {
    const downloadDir = await partialEntry(join(dir, 'download'));
    await mkdir(downloadDir);
    try {
      await runCommand('apt-get', ['download', ...missing.map((pin) => `${pin.name}:${lock.architecture}=${pin.version}`)], { cwd: downloadDir }).catch((error: unknown) => {
        throw error instanceof CommandFailedError ? new DebianPackageUnavailableError(missing, error.output.stderr.trim()) : error;
      });
      const files = await readdir(downloadDir);
      for (const pin of missing) {
        const file = files.find((name) => name.startsWith(`${pin.name}_`) && name.endsWith('.deb'));
        if (!file) throw new DebianPackageUnavailableError([pin], `apt-get download wrote no ${pin.name}_*.deb`);
        const digest = await fileDigest(join(downloadDir, file), 'sha256');
        if (digest !== pin.sha256) throw new Error(`${file}: SHA-256 ${digest} differs from the ${pin.sha256} pinned in ${DEBIAN_PACKAGES_LOCK}`);
        await rename(join(downloadDir, file), cached(pin));
      }
    } finally {
      await rm(downloadDir, { recursive: true, force: true });
    }
  }
  return lock.packages.map((pin) => ({ ...pin, path: cached(pin) }));
}

/** Unpacks each package's files into `rootDir` (no maintainer scripts: nothing in them matters for shared libraries). */
export async function extractDebianPackages(packages: DownloadedDebianPackage[], rootDir: string): Promise<void> {
  for (const pkg of packages) await runCommand('dpkg-deb', ['--extract', pkg.path, rootDir]);
  for (const path of UNSHIPPED_PATHS) await rm(join(rootDir, path), { recursive: true, force: true });
  await keepOnlyCopyrights(join(rootDir, 'usr', 'share', 'doc'));
}

// Licences stay (the copyright file of every package); changelogs and READMEs go.
async function keepOnlyCopyrights(docDir: string): Promise<void> {
  if (!existsSync(docDir)) return;
  for (const entry of await readdir(docDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of await readdir(join(docDir, entry.name))) {
      if (file !== 'copyright') await rm(join(docDir, entry.name, file), { recursive: true, force: true });
    }
  }
}
