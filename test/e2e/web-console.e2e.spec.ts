import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildWebConsoleIfStale, WEB_CONSOLE_OUTPUT } from '@netkeep/build-tools';
import { startLabProcess, type LabProcess } from '@netkeep/testing';
import { chromiumMissing, CHROMIUM_PATH, launchChromium, type LaunchedChromium } from './support/chromium';
import { changeLabConfig, labInventory, listDevices, type DeviceView } from './support/fleet';
import { PlatformProcess } from './support/platform-process';

const ARTIFACTS = resolve(__dirname, '../artifacts/web');
const CHANGED_LINE = 'snmp-server location web-console-e2e';
/** Each step's wait in the browser; a backup of one lab device takes well under a second. */
const STEP_MS = 20_000;

describe.skipIf(chromiumMissing)(`the web console in headless Chromium (${CHROMIUM_PATH}), against the platform and a device lab`, () => {
  let lab: LabProcess;
  let platform: PlatformProcess;
  let chromium: LaunchedChromium;
  let page: Page;
  let device: DeviceView;

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const backupStatus = () => page.getByRole('status').filter({ hasText: /Backed up|Failed|Waiting|reading/ });

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    let build: Promise<unknown>;
    [lab, platform, chromium] = await Promise.all([
      startLabProcess(['--devices', '4', '--platforms', 'cisco_ios,juniper_junos', '--addressing', 'ports', '--port', '0', '--snmp-port', '0']),
      // The console must be built before the platform looks for it.
      (build = buildWebConsoleIfStale()).then(() => PlatformProcess.start({ env: { NETKEEP_WEB_DIR: WEB_CONSOLE_OUTPUT, NETKEEP_TELEMETRY_INTERVAL_SECONDS: '5' } })),
      launchChromium(),
    ]);
    await build;
    await platform.api.post('/devices/import?format=lab', labInventory(lab));
    device = (await listDevices(platform.api)).find((candidate) => candidate.platform === 'cisco_ios') as DeviceView;
    const context = await chromium.browser.newContext({ viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([chromium?.close(), platform?.dispose(), lab?.stop()]);
  }, 60_000);

  it('refuses a wrong token with the API\'s message, then signs in with the keyboard and keeps the token out of the page', async () => {
    await page.goto(`${platform.api.baseUrl}/`);
    await page.getByLabel('API token').fill('nk_not-a-token-of-this-platform-000000');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Unknown token: check it was copied whole');
    await shot('01-sign-in-refused');

    await page.getByLabel('API token').fill(platform.token);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Devices', level: 1 }).waitFor();
    expect(await page.content()).not.toContain(platform.token);
    // The token lives in sessionStorage only: no cookie, nothing in localStorage.
    expect(await page.context().storageState()).toEqual({ cookies: [], origins: [] });
    await shot('02-devices');
  });

  it('finds a device by name and backs it up, following the run live', async () => {
    await page.getByLabel('Search').fill(device.name);
    await page.getByRole('link', { name: device.name }).click();
    await page.getByRole('heading', { name: device.name, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(backupStatus().filter({ hasText: 'Backed up' }).textContent()).resolves.toContain('a new version is archived');
    await page.getByRole('button', { name: 'Back up now' }).waitFor();
    await shot('03-device-backed-up');
  });

  it('after a change made on the device, a second backup shows exactly that change, side by side and by section', async () => {
    const firstRun = await page.getByRole('link', { name: 'Open the run' }).getAttribute('href');
    await changeLabConfig(lab, device.name, [CHANGED_LINE], 'web-e2e');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Open the run' }).getAttribute('href'), { timeout: STEP_MS }).not.toBe(firstRun);
    await expect(backupStatus().filter({ hasText: 'Backed up' }).textContent()).resolves.toContain('the configuration changed');

    await page.getByRole('link', { name: 'Diff', exact: true }).click();
    const table = page.getByRole('table', { name: 'Side-by-side difference between r1 and r2' });
    await table.waitFor();
    await expect(table.locator('td.added').allTextContents()).resolves.toEqual([`added: ${CHANGED_LINE}`]);
    await expect(table.locator('td.removed').count()).resolves.toBe(0);
    await shot('04-diff-side-by-side');

    await page.getByRole('button', { name: 'By section' }).click();
    const global = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'global changed' }) });
    await global.waitFor();
    await expect(global.locator('.added').allTextContents()).resolves.toEqual([`+ added: ${CHANGED_LINE}\n`]);
    await shot('05-diff-by-section');

    await page.getByRole('link', { name: 'Versions', exact: true }).click();
    await page.getByRole('heading', { name: /^r2 / }).waitFor();
    await shot('06-versions');
  });

  it('searches every configuration and opens a match in the viewer at its line', async () => {
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.getByLabel('Regular expression').fill('location web-console-e2e$');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^1 matching line on 1 device,/);
    const match = page.getByRole('link', { name: new RegExp(`^${device.name} line \\d+$`) });
    const line = Number((await match.getAttribute('aria-label'))?.split(' line ')[1]);
    await match.click();
    const current = page.locator('.config-line.current');
    await expect(current.locator('.line-number').textContent()).resolves.toBe(String(line));
    await expect(current.locator('mark').textContent()).resolves.toBe('location web-console-e2e');
    await shot('07-search-match-in-viewer');
    await page.getByRole('link', { name: 'Devices', exact: true }).first().click();
    await page.getByRole('link', { name: device.name }).click();
  });

  it('opens the telemetry: interfaces with status and rates, a sparkline of the last hour, uptime, CPU and memory', async () => {
    await page.getByRole('link', { name: 'Telemetry', exact: true }).click();
    await page.getByRole('heading', { name: 'Interfaces' }).waitFor();
    // Rates need two polls; the platform polls every 5 s and the page refreshes as often.
    await page.locator('table.interfaces td.rate', { hasText: /\d b\/s$/ }).first().waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('uptime').textContent()).resolves.toMatch(/^\d+ (d|h|min|s)/);
    await expect(page.getByTestId('cpu').textContent()).resolves.toMatch(/^\d+ %$/);
    await expect(page.getByTestId('memory').textContent()).resolves.toMatch(/ of .*\(\d+ %\)$/);
    await page.getByRole('img', { name: /last 60 minutes, \d+ samples/ }).waitFor();
    await shot('08-telemetry');
  });

  it('offers a viewer nothing it may not do', async () => {
    const viewer = await platform.api.post<{ token: string }>('/tokens', { name: 'web-e2e-viewer', role: 'viewer' });
    const context = await chromium.browser.newContext({ viewport: { width: 1360, height: 900 } });
    const viewerPage = await context.newPage();
    viewerPage.setDefaultTimeout(STEP_MS);
    await viewerPage.goto(`${platform.api.baseUrl}/#/devices/${device.id}`);
    await viewerPage.getByLabel('API token').fill(viewer.token);
    await viewerPage.getByRole('button', { name: 'Sign in' }).click();
    await viewerPage.getByRole('heading', { name: device.name, level: 1 }).waitFor();
    await expect(viewerPage.getByRole('button', { name: 'Back up now' }).count()).resolves.toBe(0);
    await viewerPage.getByRole('link', { name: 'Admin' }).click();
    await viewerPage.getByRole('heading', { name: 'Backup policies' }).waitFor();
    await expect(viewerPage.getByRole('heading', { name: 'API tokens' }).count()).resolves.toBe(0);
    await expect(viewerPage.getByRole('button', { name: 'Create policy' }).count()).resolves.toBe(0);
    await viewerPage.screenshot({ path: join(ARTIFACTS, '09-viewer-admin.png'), fullPage: true });
    await context.close();
  });
});
