import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IMAGE_LAYOUT } from './image-config';

/** A directory the image's user owns: copied with its owner set, since engines add files as root. */
export interface OwnedDirectory {
  /** Staged directory whose contents go into `destination`. */
  source: string;
  destination: string;
}

export interface SystemFiles {
  /** Root-owned tree for `/`: accounts, name service switch, empty directories. */
  rootDir: string;
  ownedDirectories: OwnedDirectory[];
}

/**
 * The few files a process expects from an operating system that is not there: who uid 65532 is
 * (Node's os.userInfo(), git's author fallback), how host names resolve (files before DNS,
 * so /etc/hosts entries win as in any distribution), a world-writable /tmp.
 */
export async function stageSystemFiles(stageDir: string): Promise<SystemFiles> {
  const { user, dataDir } = IMAGE_LAYOUT;
  const rootDir = join(stageDir, 'root');
  await mkdir(join(rootDir, 'etc'), { recursive: true });
  await writeFile(
    join(rootDir, 'etc', 'passwd'),
    [
      'root:x:0:0:root:/root:/sbin/nologin',
      'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin',
      `${user.name}:x:${user.uid}:${user.gid}:${user.name}:${user.home}:/sbin/nologin`,
      '',
    ].join('\n'),
  );
  await writeFile(join(rootDir, 'etc', 'group'), ['root:x:0:', 'nobody:x:65534:', `${user.name}:x:${user.gid}:`, ''].join('\n'));
  await writeFile(join(rootDir, 'etc', 'nsswitch.conf'), ['passwd: files', 'group: files', 'hosts: files dns', ''].join('\n'));
  for (const dir of ['tmp', 'home', 'var/lib']) await mkdir(join(rootDir, dir), { recursive: true });
  await chmod(join(rootDir, 'tmp'), 0o1777);

  // Parents exist in rootDir, so an engine's chown touches only the user's own directories.
  const owned = join(stageDir, 'owned');
  const ownedDirectories: OwnedDirectory[] = [];
  for (const path of [user.home, dataDir]) {
    const parent = path.slice(0, path.lastIndexOf('/'));
    const source = join(owned, parent);
    await mkdir(join(owned, path), { recursive: true, mode: 0o700 });
    await chmod(join(owned, path), 0o700);
    ownedDirectories.push({ source, destination: parent });
  }
  return { rootDir, ownedDirectories };
}
