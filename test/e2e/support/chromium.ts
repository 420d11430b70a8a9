import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (`.ci/run` installs it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM_PATH);

/** Headless as root in a container, and nothing that talks to the network on its own. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface LaunchedChromium {
  browser: Browser;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

/**
 * Chromium with exactly CHROMIUM_ARGS and a fresh profile: Playwright's own defaults are left out;
 * --remote-debugging-pipe is the channel Playwright drives the browser through.
 */
export async function launchChromium(): Promise<LaunchedChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'netkeep-chromium-'));
  try {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      ignoreDefaultArgs: true,
      args: [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-pipe'],
      timeout: 30_000,
    });
    return {
      browser,
      close: async () => {
        await browser.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
