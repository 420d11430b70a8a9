/** The parts of an npm v3 lockfile this module reads and writes. */
export interface Lockfile {
  name?: string;
  version?: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockedPackage>;
}

export interface LockedPackage {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  link?: boolean;
  [field: string]: unknown;
}

/** The package.json and lockfile of a project that installs exactly some packages of a bigger one. */
export interface PrunedProject {
  packageJson: { name: string; version: string; private: true; dependencies: Record<string, string>; allowScripts?: Record<string, boolean> };
  lockfile: Lockfile;
}

export class LockfileMismatchError extends Error {
  constructor(message: string) {
    super(`package-lock.json: ${message}`);
    this.name = 'LockfileMismatchError';
  }
}

export interface PruneOptions {
  name: string;
  version: string;
  /** The root package.json's `allowScripts`: which install scripts npm may run (kept for the packages that remain). */
  allowScripts?: Record<string, boolean>;
}

/**
 * Keeps, from the root lockfile, the packages `roots` need at run time and nothing else: the
 * closure over dependencies, optional dependencies and required peers, resolved the way Node
 * resolves them (nearest `node_modules` first). Every kept entry stays at its path with its
 * version and integrity, so `npm ci` installs the same tree the workspace was tested with.
 */
export function pruneLockfile(root: Lockfile, roots: readonly string[], options: PruneOptions): PrunedProject {
  if (root.lockfileVersion < 2) throw new LockfileMismatchError(`lockfileVersion ${root.lockfileVersion} has no "packages" map; regenerate it with npm 7 or newer`);
  const dependencies: Record<string, string> = {};
  for (const name of [...roots].sort()) {
    const entry = root.packages[`node_modules/${name}`];
    if (!entry?.version) throw new LockfileMismatchError(`the bundle requires ${name}, which the workspace does not install at node_modules/${name}`);
    if (entry.link) throw new LockfileMismatchError(`${name} is a workspace link, not a package an image can install`);
    dependencies[name] = entry.version;
  }

  const rootPaths = Object.keys(dependencies).map((name) => `node_modules/${name}`);
  const needed = closure(root, rootPaths, false);
  const reachable = closure(root, rootPaths, true);

  const packages: Record<string, LockedPackage> = {
    '': { name: options.name, version: options.version, dependencies },
  };
  for (const path of [...reachable].sort()) {
    const { dev: _dev, optional: _optional, devOptional: _devOptional, peer: _peer, ...entry } = root.packages[path];
    packages[path] = needed.has(path) ? entry : { ...entry, optional: true };
  }

  const names = new Set([...reachable].map(packageNameAt));
  const allowScripts = Object.fromEntries(Object.entries(options.allowScripts ?? {}).filter(([spec]) => names.has(specName(spec))));
  return {
    packageJson: {
      name: options.name,
      version: options.version,
      private: true,
      dependencies,
      ...(Object.keys(allowScripts).length > 0 ? { allowScripts } : {}),
    },
    lockfile: { name: options.name, version: options.version, lockfileVersion: 3, requires: true, packages },
  };
}

/** Lockfile paths reachable from `starts`; through optional edges too when `includeOptional`. */
function closure(lockfile: Lockfile, starts: string[], includeOptional: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0) {
    const path = queue.pop() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const edge of edgesOf(lockfile.packages[path])) {
      if (edge.optional && !includeOptional) continue;
      const target = resolveFrom(lockfile, path, edge.name);
      if (target) queue.push(target);
      // npm leaves out optional packages for other platforms, and never installs optional peers.
      else if (!edge.optional) throw new LockfileMismatchError(`${path} depends on ${edge.name}, which no node_modules on its path holds`);
    }
  }
  return seen;
}

interface DependencyEdge {
  name: string;
  optional: boolean;
}

function edgesOf(entry: LockedPackage): DependencyEdge[] {
  const peers = Object.keys(entry.peerDependencies ?? {}).map((name) => ({ name, optional: entry.peerDependenciesMeta?.[name]?.optional === true }));
  return [
    ...Object.keys(entry.dependencies ?? {}).map((name) => ({ name, optional: false })),
    ...Object.keys(entry.optionalDependencies ?? {}).map((name) => ({ name, optional: true })),
    // An optional peer is installed only when something else depends on it; that edge brings it in.
    ...peers.filter((peer) => !peer.optional),
  ];
}

/** Node's lookup: `<path>/node_modules/<name>`, then each enclosing package's, up to the root's. */
function resolveFrom(lockfile: Lockfile, fromPath: string, name: string): string | undefined {
  let base = fromPath;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (lockfile.packages[candidate]) return candidate;
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}

function packageNameAt(path: string): string {
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

// allowScripts keys are `name` or `name@range`; a scoped name starts with its own '@'.
function specName(spec: string): string {
  const at = spec.indexOf('@', 1);
  return at === -1 ? spec : spec.slice(0, at);
}
