// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, SCHEMA_FILE } from './api-types';

describe('src/api/schema.d.ts', () => {
  it('matches the API the platform serves today (else: npm run web:api-types)', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    const generated = await generateApiTypes();
    expect(committed === generated, 'apps/web/src/api/schema.d.ts is stale: run npm run web:api-types and commit the result').toBe(true);
  });
});
