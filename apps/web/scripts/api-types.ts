/**
 * The console's API types, made from the platform's OpenAPI document. The document comes from
 * apps/platform/src/api-document.ts, which builds it in-process without a server, database or Redis.
 *
 *   npm run web:api-types               writes apps/web/src/api/schema.d.ts
 *   npm run web:api-types -- --check    exits 1 when that file is stale
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const WORKSPACE = resolve(__dirname, '../../..');
export const SCHEMA_FILE = resolve(__dirname, '../src/api/schema.d.ts');
const DOCUMENT_SCRIPT = 'apps/platform/src/api-document.ts';

const HEADER = `/**
 * The netkeep REST API's types, generated from the platform's OpenAPI document by
 * \`npm run web:api-types\`. Do not edit: change the API's DTOs and run the script again
 * (apps/web/scripts/api-types.spec.ts fails while this file is stale).
 */

`;

/** The platform's OpenAPI document, as /api/docs/json serves it. */
export function platformApiDocument(): Promise<string> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', DOCUMENT_SCRIPT],
      // A bare environment: the document must not depend on the caller's NETKEEP_* variables.
      { cwd: WORKSPACE, env: { PATH: process.env['PATH'], HOME: process.env['HOME'] }, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? fail(new Error(`${DOCUMENT_SCRIPT} failed: ${stderr || error.message}`)) : done(stdout)),
    );
  });
}

/** The text schema.d.ts should hold for the current API. */
export async function generateApiTypes(): Promise<string> {
  const document = JSON.parse(await platformApiDocument()) as Parameters<typeof openapiTS>[0];
  // A field with a default may be left out of a request: the API fills it in.
  return HEADER + astToString(await openapiTS(document, { defaultNonNullable: false }));
}

async function main(check: boolean): Promise<void> {
  const generated = await generateApiTypes();
  const target = relative(WORKSPACE, SCHEMA_FILE);
  if (!check) {
    await writeFile(SCHEMA_FILE, generated);
    process.stdout.write(`wrote ${target}\n`);
    return;
  }
  const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
  if (committed === generated) {
    process.stdout.write(`${target} matches the API\n`);
    return;
  }
  process.stderr.write(`${target} is stale: run npm run web:api-types\n`);
  process.exit(1);
}

if (require.main === module) {
  main(process.argv.includes('--check')).catch((error: Error) => {
    process.stderr.write(`web:api-types: ${error.message}\n`);
    process.exit(1);
  });
}
