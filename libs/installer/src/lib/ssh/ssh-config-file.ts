import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';

/** What ~/.ssh/config says about one host, with OpenSSH's precedence applied. */
export interface SshConfigEntry {
  hostName?: string;
  user?: string;
  port?: number;
  /** Every IdentityFile that applies, in order (OpenSSH offers them all). */
  identityFiles: string[];
  /** `none` is returned as undefined. */
  proxyJump?: string;
}

interface HostBlock {
  patterns: string[];
  options: [keyword: string, value: string][];
}

/** The keywords the installer honours; anything else in the file is ignored. */
const KEYWORDS = new Set(['hostname', 'user', 'port', 'identityfile', 'proxyjump']);

/**
 * A small reader for the OpenSSH client configuration: Host blocks with `*`, `?` and `!`
 * patterns, `Key value` and `Key=value` lines, quoted values, Include, and the first value
 * obtained winning, as ssh_config(5) says. Match blocks are skipped, not evaluated.
 */
export class SshConfigFile {
  private constructor(private readonly blocks: HostBlock[]) {}

  static parse(text: string, options: { homeDir: string; baseDir?: string } = { homeDir: '' }): SshConfigFile {
    return new SshConfigFile(parseBlocks(text, { baseDir: options.baseDir ?? join(options.homeDir, '.ssh'), homeDir: options.homeDir }, 0));
  }

  /** ~/.ssh/config, or an empty configuration when there is none. */
  static load(homeDir: string, file = join(homeDir, '.ssh', 'config')): SshConfigFile {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return new SshConfigFile([]);
    }
    return SshConfigFile.parse(text, { homeDir, baseDir: dirname(file) });
  }

  /** Settings for `alias`, tokens (%h %p %r %u %d %%) and `~` expanded in IdentityFile. */
  lookup(alias: string, context: { homeDir: string; localUser: string }): SshConfigEntry {
    const found = new Map<string, string>();
    const identityFiles: string[] = [];
    for (const block of this.blocks) {
      if (!hostMatches(block.patterns, alias)) continue;
      for (const [keyword, value] of block.options) {
        if (keyword === 'identityfile') identityFiles.push(value);
        else if (!found.has(keyword)) found.set(keyword, value);
      }
    }
    const hostName = found.get('hostname')?.replace(/%h/g, alias) ?? undefined;
    const user = found.get('user');
    const portText = found.get('port');
    const port = portText && /^\d+$/.test(portText) ? Number(portText) : undefined;
    const proxyJump = found.get('proxyjump');
    const tokens: Record<string, string> = {
      h: hostName ?? alias,
      p: String(port ?? 22),
      r: user ?? context.localUser,
      u: context.localUser,
      d: context.homeDir,
      '%': '%',
    };
    return {
      ...(hostName ? { hostName } : {}),
      ...(user ? { user } : {}),
      ...(port ? { port } : {}),
      identityFiles: identityFiles.map((file) => expandPath(file, tokens, context.homeDir)),
      ...(proxyJump && proxyJump.toLowerCase() !== 'none' ? { proxyJump } : {}),
    };
  }
}

const MAX_INCLUDE_DEPTH = 16;

interface IncludeBase {
  baseDir: string;
  homeDir: string;
}

function parseBlocks(text: string, base: IncludeBase, depth: number): HostBlock[] {
  // Lines before the first Host apply to every host.
  const blocks: HostBlock[] = [{ patterns: ['*'], options: [] }];
  let current: HostBlock | undefined = blocks[0];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    if (!match) continue;
    const keyword = (match[1] as string).toLowerCase();
    const args = splitArguments(match[2] as string);
    if (keyword === 'host') {
      current = { patterns: args, options: [] };
      blocks.push(current);
    } else if (keyword === 'match') {
      current = undefined;
    } else if (keyword === 'include' && depth < MAX_INCLUDE_DEPTH) {
      for (const file of args.flatMap((pattern) => expandInclude(pattern, base))) {
        const included = parseBlocks(safeRead(file), base, depth + 1);
        // Included lines before any Host belong to the block that holds the Include.
        const [head, ...rest] = included;
        if (current && head) current.options.push(...head.options);
        blocks.push(...rest);
        if (rest.length) current = rest[rest.length - 1];
      }
    } else if (current && KEYWORDS.has(keyword) && args[0] !== undefined) {
      current.options.push([keyword, keyword === 'proxyjump' ? args.join(',') : (args[0] as string)]);
    }
  }
  return blocks;
}

/** Whitespace-separated arguments; double quotes keep spaces. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) args.push(match[1] ?? (match[2] as string));
  return args;
}

function hostMatches(patterns: string[], host: string): boolean {
  let matched = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (globMatches(negated ? pattern.slice(1) : pattern, host)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

function globMatches(pattern: string, value: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(value);
}

function expandPath(path: string, tokens: Record<string, string>, homeDir: string): string {
  const expanded = path.replace(/%([hprud%])/g, (_, token: string) => tokens[token] ?? '');
  if (expanded === '~') return homeDir;
  if (expanded.startsWith('~/')) return join(homeDir, expanded.slice(2));
  return expanded;
}

/** Include takes paths relative to ~/.ssh and `*` in the file name. */
function expandInclude(pattern: string, base: IncludeBase): string[] {
  const path = pattern.startsWith('~/') ? join(base.homeDir, pattern.slice(2)) : isAbsolute(pattern) ? pattern : join(base.baseDir, pattern);
  if (!basename(path).includes('*') && !basename(path).includes('?')) return [path];
  try {
    return readdirSync(dirname(path))
      .filter((name) => globMatches(basename(path), name))
      .sort()
      .map((name) => join(dirname(path), name));
  } catch {
    return [];
  }
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
