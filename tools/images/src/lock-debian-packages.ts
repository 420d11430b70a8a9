import { writeFile } from 'node:fs/promises';
import { DEBIAN_PACKAGES_LOCK, readDebianPackagesLock, type DebianPackagePin } from './debian-packages';
import { runCommand } from './run-command';

/**
 * Pins the packages named in debian-packages.json to the versions apt offers now, with their
 * SHA-256 from the signed archive index, and checks that their dependencies are all pinned too.
 * Run after `apt-get update` when a point release has replaced a pinned version.
 */
export async function lockDebianPackages(): Promise<DebianPackagePin[]> {
  const lock = await readDebianPackagesLock();
  const pins: DebianPackagePin[] = [];
  const dependencies = new Map<string, string>();
  for (const { name } of lock.packages) {
    const { stdout: policy } = await runCommand('apt-cache', ['policy', `${name}:${lock.architecture}`]);
    const version = /Candidate:\s*(\S+)/.exec(policy)?.[1];
    if (!version || version === '(none)') throw new Error(`apt offers no ${name} for ${lock.architecture}; run apt-get update`);
    const { stdout: record } = await runCommand('apt-cache', ['show', '--no-all-versions', `${name}:${lock.architecture}=${version}`]);
    const sha256 = /^SHA256:\s*([0-9a-f]{64})$/m.exec(record)?.[1];
    if (!sha256) throw new Error(`apt-cache show ${name}=${version} lists no SHA256`);
    pins.push({ name, version, sha256 });
    for (const dependency of dependencyNames(record)) dependencies.set(dependency, name);
  }
  const unpinned = [...dependencies].filter(([dependency]) => !pins.some((pin) => pin.name === dependency));
  if (unpinned.length > 0) {
    throw new Error(`${DEBIAN_PACKAGES_LOCK} must also name ${unpinned.map(([dependency, by]) => `${dependency} (needed by ${by})`).join(', ')}`);
  }
  await writeFile(DEBIAN_PACKAGES_LOCK, `${JSON.stringify({ ...lock, packages: pins }, null, 2)}\n`);
  return pins;
}

/** `Depends` and `Pre-Depends` names, first alternative of each, without versions or architecture qualifiers. */
function dependencyNames(record: string): string[] {
  const fields = [...record.matchAll(/^(?:Pre-)?Depends:\s*(.+)$/gm)].map((match) => match[1]);
  return fields.flatMap((field) => field.split(',').map((clause) => clause.split('|')[0].trim().split(/[\s(:]/)[0]));
}
