/**
 * Prints the platform's OpenAPI document, as /api/docs/json serves it, without starting the
 * platform: `npm run web:api-types` turns it into the web console's API types.
 *
 *   node -r @swc-node/register apps/platform/src/api-document.ts > openapi.json
 */
import 'reflect-metadata';
import { loadConfig, previewApiDocument } from '@netkeep/core';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLATFORM_TITLE, PlatformModule } from './platform.module';

async function main(): Promise<void> {
  // The document lists every route the platform can serve, whatever roles this shell's NETKEEP_* variables would pick.
  for (const name of Object.keys(process.env)) if (name.startsWith('NETKEEP_')) delete process.env[name];
  const dataDir = mkdtempSync(join(tmpdir(), 'netkeep-api-document-'));
  try {
    const config = loadConfig(
      { NETKEEP_DATA_DIR: dataDir, DATABASE_URL: 'sqlite::memory:', NETKEEP_SECRET_KEY: randomBytes(32).toString('base64'), NETKEEP_LOG_LEVEL: 'silent' },
      { mode: 'embedded' },
    );
    const document = await previewApiDocument(PlatformModule.register(config), PLATFORM_TITLE);
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  process.stderr.write(`api-document: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
