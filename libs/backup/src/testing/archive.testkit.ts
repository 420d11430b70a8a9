import { createTestDatabase, type NetkeepDatabase, runMigrations, type TestDatabase, type TestDatabaseKind } from '@netkeep/core';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigArchive, type ConfigArchiveOptions } from '../lib/archive/config-archive';
import { backupMigrations } from '../lib/backup.migrations';

export const DATABASE_KINDS: readonly TestDatabaseKind[] = ['sqlite', 'postgres'];

/** A migrated database, an empty directory for the repository, and an archive over both. */
export interface ArchiveFixture {
  database: TestDatabase;
  db: NetkeepDatabase;
  dataDir: string;
  repositoryDir: string;
  archive: ConfigArchive;
  /** Another archive over the same repository and database: a restarted process. */
  reopen(options?: Partial<ConfigArchiveOptions>): ConfigArchive;
  destroy(): Promise<void>;
}

export async function createArchiveFixture(kind: TestDatabaseKind, options: Partial<ConfigArchiveOptions> = {}): Promise<ArchiveFixture> {
  const database = await createTestDatabase(kind);
  await runMigrations(database.db, [backupMigrations]);
  const dataDir = await mkdtemp(join(tmpdir(), 'netkeep-archive-'));
  const repositoryDir = join(dataDir, 'configs.git');
  const open = (extra: Partial<ConfigArchiveOptions> = {}) => new ConfigArchive({ repositoryDir, db: database.db, ...options, ...extra });
  const archive = open();
  return {
    database,
    db: database.db,
    dataDir,
    repositoryDir,
    archive,
    reopen: open,
    destroy: async () => {
      await archive.flush();
      await database.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The git binary, for reading back what isomorphic-git wrote (tests only: service images have no git). */
export function git(repositoryDir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', repositoryDir, ...args], { encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
}

export const LAB_BOOTED_AT = new Date('2026-03-01T08:00:00Z');
export const LAB_NOW = new Date('2026-03-10T12:00:00Z');

/** The change knob's state of a device-lab device (the lab's LabDeviceState, by shape). */
export interface LabState {
  addedLines: string[];
  descriptions: Record<string, string>;
  changedAt: Date;
  changedBy: string;
}

/** What this kit needs of a device-lab persona. Specs pass the lab's `personaFor`: only specs may depend on the lab. */
export interface LabPersona<P extends string> {
  renderConfig(device: { name: string; platform: P; index: number; address: string; bootedAt: Date }, state: LabState, now: Date): { text: string };
}

export type LabConfig<P extends string> = (platform: P, change?: Partial<LabState>, now?: Date, index?: number) => string;

/** Realistic configurations: a persona's, with the change knob's state applied. `const labConfig = labConfigs(personaFor)`. */
export function labConfigs<P extends string>(personaFor: (platform: P) => LabPersona<P>): LabConfig<P> {
  return (platform, change = {}, now = LAB_NOW, index = 0) => {
    const short = platform.split('_').pop();
    const device = { name: `lab-${short}-${String(index + 1).padStart(4, '0')}`, platform, index, address: `127.20.0.${index + 1}`, bootedAt: LAB_BOOTED_AT };
    const state: LabState = { addedLines: [], descriptions: {}, changedAt: new Date(LAB_BOOTED_AT.getTime() + 86_400_000), changedBy: 'admin', ...change };
    return personaFor(platform).renderConfig(device, state, now).text;
  };
}

/**
 * Commits one file change with git's plumbing, straight into the bare repository: what another
 * writer (an archive whose index write was lost, an operator) leaves behind. `content` null removes the file.
 */
export function commitWithGit(repositoryDir: string, change: { path: string; content: string | null; message: string; author?: string; at?: Date }): string {
  const run = (args: string[], input?: string, env: NodeJS.ProcessEnv = {}) =>
    execFileSync('git', ['--git-dir', repositoryDir, ...args], { encoding: 'utf8', input, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...env } }).trim();
  const parent = run(['rev-parse', 'main']);
  const name = change.path.slice('configs/'.length);
  const entries = run(['ls-tree', `${parent}:configs`])
    .split('\n')
    .filter((line) => line !== '' && !line.endsWith(`\t${name}`));
  if (change.content !== null) entries.push(`100644 blob ${run(['hash-object', '-w', '--stdin'], change.content)}\t${name}`);
  const root = entries.length === 0 ? run(['mktree'], '') : run(['mktree'], `040000 tree ${run(['mktree'], `${entries.join('\n')}\n`)}\tconfigs\n`);
  const [authorName, authorEmail] = (change.author ?? 'operator <operator@example.net>').split(/ <|>/);
  const when = `${Math.floor((change.at ?? new Date()).getTime() / 1000)} +0000`;
  const commit = run(['commit-tree', root, '-p', parent], change.message, {
    GIT_AUTHOR_NAME: authorName,
    GIT_AUTHOR_EMAIL: authorEmail,
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_NAME: authorName,
    GIT_COMMITTER_EMAIL: authorEmail,
    GIT_COMMITTER_DATE: when,
  });
  run(['update-ref', 'refs/heads/main', commit, parent]);
  return commit;
}
