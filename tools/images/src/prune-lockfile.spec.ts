import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockfileMismatchError, pruneLockfile, type Lockfile } from './prune-lockfile';

/** A workspace with one runtime tree (api → shared@1, nested shared@2 under lib, an optional addon, a required peer) and dev tools. */
const workspace: Lockfile = {
  name: 'workspace',
  version: '1.0.0',
  lockfileVersion: 3,
  requires: true,
  packages: {
    '': { name: 'workspace', version: '1.0.0', dependencies: { api: '2.0.0', lib: '1.0.0' }, devDependencies: { test: '9.0.0' } },
    'node_modules/api': { version: '2.0.0', integrity: 'sha512-api', dependencies: { shared: '^1.0.0' }, peerDependencies: { peer: '^1.0.0', extra: '^1.0.0' }, peerDependenciesMeta: { extra: { optional: true } } },
    'node_modules/lib': { version: '1.0.0', integrity: 'sha512-lib', dependencies: { shared: '^2.0.0' }, optionalDependencies: { addon: '1.0.0', 'addon-darwin': '1.0.0' } },
    'node_modules/lib/node_modules/shared': { version: '2.0.0', integrity: 'sha512-shared2' },
    'node_modules/shared': { version: '1.0.0', integrity: 'sha512-shared1' },
    'node_modules/peer': { version: '1.0.0', integrity: 'sha512-peer', peer: true },
    'node_modules/addon': { version: '1.0.0', integrity: 'sha512-addon', optional: true, hasInstallScript: true, dependencies: { nan: '^2.0.0' } },
    'node_modules/nan': { version: '2.0.0', integrity: 'sha512-nan', devOptional: true },
    'node_modules/extra': { version: '1.0.0', integrity: 'sha512-extra', dev: true },
    'node_modules/test': { version: '9.0.0', integrity: 'sha512-test', dev: true, dependencies: { shared: '^1.0.0' } },
  },
};

describe('pruneLockfile', () => {
  it('keeps the closure of the roots at their paths and versions, and nothing else', () => {
    const { lockfile } = pruneLockfile(workspace, ['api', 'lib'], { name: 'netkeep-app', version: '0.1.0' });
    expect(Object.keys(lockfile.packages).sort()).toEqual([
      '',
      'node_modules/addon',
      'node_modules/api',
      'node_modules/lib',
      'node_modules/lib/node_modules/shared',
      'node_modules/nan',
      'node_modules/peer',
      'node_modules/shared',
    ]);
    expect(lockfile.packages['node_modules/lib/node_modules/shared']).toEqual({ version: '2.0.0', integrity: 'sha512-shared2' });
  });

  it('pins the roots to their locked versions in package.json and the root entry', () => {
    const { packageJson, lockfile } = pruneLockfile(workspace, ['lib', 'api'], { name: 'netkeep-app', version: '0.1.0' });
    expect(packageJson).toEqual({ name: 'netkeep-app', version: '0.1.0', private: true, dependencies: { api: '2.0.0', lib: '1.0.0' } });
    expect(lockfile.packages['']).toEqual({ name: 'netkeep-app', version: '0.1.0', dependencies: { api: '2.0.0', lib: '1.0.0' } });
  });

  it('marks as optional what only optional dependencies reach, and drops the dev and peer flags', () => {
    const { lockfile } = pruneLockfile(workspace, ['api', 'lib'], { name: 'netkeep-app', version: '0.1.0' });
    expect(lockfile.packages['node_modules/addon']).toMatchObject({ optional: true, hasInstallScript: true });
    expect(lockfile.packages['node_modules/nan']).toEqual({ version: '2.0.0', integrity: 'sha512-nan', optional: true });
    expect(lockfile.packages['node_modules/peer']).toEqual({ version: '1.0.0', integrity: 'sha512-peer' });
    expect(lockfile.packages['node_modules/api']).not.toHaveProperty('optional');
  });

  it('leaves out optional peers nothing else depends on, and optional packages the lockfile does not hold', () => {
    const { lockfile } = pruneLockfile(workspace, ['api', 'lib'], { name: 'netkeep-app', version: '0.1.0' });
    expect(lockfile.packages).not.toHaveProperty('node_modules/extra');
    expect(lockfile.packages).not.toHaveProperty('node_modules/addon-darwin');
  });

  it('keeps the allowScripts entries of the packages that remain', () => {
    const { packageJson } = pruneLockfile(workspace, ['lib'], { name: 'netkeep-app', version: '0.1.0', allowScripts: { addon: true, 'test@9': true, '@scope/tool': false } });
    expect(packageJson.allowScripts).toEqual({ addon: true });
  });

  it('names a package the bundle requires but the workspace does not install', () => {
    expect(() => pruneLockfile(workspace, ['missing'], { name: 'netkeep-app', version: '0.1.0' })).toThrow(LockfileMismatchError);
    expect(() => pruneLockfile(workspace, ['missing'], { name: 'netkeep-app', version: '0.1.0' })).toThrow(/requires missing/);
  });

  it('prunes the real workspace lockfile to runtime packages only: ssh2 keeps its optional native speedups, no dev tool comes along', () => {
    const root = JSON.parse(readFileSync(resolve(__dirname, '../../../package-lock.json'), 'utf8')) as Lockfile;
    const { lockfile } = pruneLockfile(root, ['ssh2', 'better-sqlite3'], { name: 'netkeep-test', version: '0.0.0' });
    expect(lockfile.packages['node_modules/cpu-features']).toMatchObject({ optional: true });
    expect(lockfile.packages['node_modules/better-sqlite3']).not.toHaveProperty('optional');
    for (const devTool of ['node_modules/vitest', 'node_modules/typescript', 'node_modules/esbuild', 'node_modules/nx']) expect(lockfile.packages).not.toHaveProperty(devTool);
  });
});
