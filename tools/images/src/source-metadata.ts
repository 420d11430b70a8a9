import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './run-command';

/** What an image says about the source it was built from. */
export interface SourceMetadata {
  /** The workspace's package.json version. */
  version: string;
  /** The checked-out commit, when the workspace is a git checkout. */
  revision?: string;
  /** Where the source lives (the `origin` remote without credentials, or package.json `repository`). */
  sourceUrl?: string;
  /**
   * Seconds since the epoch that every timestamp in the image is set to: SOURCE_DATE_EPOCH when set
   * (the reproducible-builds convention), else the commit time, else 0 outside a git checkout.
   */
  sourceDateEpoch: number;
}

export async function readSourceMetadata(workspaceRoot: string, env: NodeJS.ProcessEnv = process.env): Promise<SourceMetadata> {
  const manifest = JSON.parse(await readFile(join(workspaceRoot, 'package.json'), 'utf8')) as { version?: string; repository?: string | { url?: string } };
  const revision = await git(workspaceRoot, ['rev-parse', 'HEAD']);
  const commitEpoch = revision ? await git(workspaceRoot, ['log', '-1', '--format=%ct', revision]) : undefined;
  const remote = await git(workspaceRoot, ['remote', 'get-url', 'origin']);
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  return {
    version: manifest.version ?? '0.0.0',
    revision,
    sourceUrl: withoutCredentials(remote ?? repository),
    sourceDateEpoch: parseEpoch(env['SOURCE_DATE_EPOCH']) ?? parseEpoch(commitEpoch) ?? 0,
  };
}

async function git(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await runCommand('git', args, { cwd });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

function parseEpoch(text: string | undefined): number | undefined {
  return text && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

// A remote URL may carry a token (https://user:token@host/...); an image label is public.
function withoutCredentials(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url.replace(/^git\+/, ''));
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    // scp-like remotes (git@host:owner/repo.git) hold no secret.
    return url;
  }
}
