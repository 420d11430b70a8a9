import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { NetkeepConfig } from '../config/netkeep-config';

export const WEB_CONSOLE_INDEX = 'index.html';

export interface WebConsoleLocation {
  /** The directory holding the built console's index.html; undefined when none is served. */
  dir?: string;
  /** Why a configured directory is not served. */
  problem?: string;
}

/**
 * Where embedded mode looks when NETKEEP_WEB_DIR is unset: beside the bundle (`web/` in an
 * image), the workspace's dist/apps/web beside dist/apps/platform, then dist/apps/web under
 * the working directory (the platform run from source).
 */
export function embeddedWebConsoleCandidates(mainFile = require.main?.filename, cwd = process.cwd()): string[] {
  const bundleDir = mainFile ? dirname(mainFile) : undefined;
  const candidates = bundleDir ? [join(bundleDir, 'web'), resolve(bundleDir, '..', 'web')] : [];
  return [...new Set([...candidates, resolve(cwd, 'dist', 'apps', 'web')])];
}

/** The built console this process serves: NETKEEP_WEB_DIR, else (embedded mode only) the first candidate holding an index.html. */
export function locateWebConsole(
  config: Pick<NetkeepConfig, 'mode' | 'webDir'>,
  candidates: readonly string[] = embeddedWebConsoleCandidates(),
): WebConsoleLocation {
  if (config.webDir !== undefined) {
    return existsSync(join(config.webDir, WEB_CONSOLE_INDEX))
      ? { dir: config.webDir }
      : { problem: `NETKEEP_WEB_DIR=${config.webDir} has no ${WEB_CONSOLE_INDEX}: build the console (npx nx build web) and point the variable at dist/apps/web` };
  }
  if (config.mode !== 'embedded') return {};
  return { dir: candidates.find((candidate) => existsSync(join(candidate, WEB_CONSOLE_INDEX))) };
}
