import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceMetadata } from './source-metadata';

const WORKSPACE = resolve(__dirname, '../../..');

describe('readSourceMetadata', () => {
  it('takes the version from package.json and the revision and timestamp from the checked-out commit', async () => {
    const source = await readSourceMetadata(WORKSPACE, {});
    expect(source.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(source.revision).toMatch(/^[0-9a-f]{40}$/);
    expect(source.sourceDateEpoch).toBeGreaterThan(1_600_000_000);
  });

  it('lets SOURCE_DATE_EPOCH set every timestamp, as reproducible builds expect', async () => {
    expect((await readSourceMetadata(WORKSPACE, { SOURCE_DATE_EPOCH: '1700000000' })).sourceDateEpoch).toBe(1_700_000_000);
  });
});
