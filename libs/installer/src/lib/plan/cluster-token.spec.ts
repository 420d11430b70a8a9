import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClusterPlan } from './parse-cluster-plan';
import { resolveClusterToken } from './cluster-token';

function clusterWithTokenIn(dir: string) {
  return parseClusterPlan(`cluster: { name: lab, tokenFile: ${dir}/sub/token, tokenEnv: LAB_TOKEN }\nnodes: [{ name: s1, role: server, address: 10.0.0.1 }]\n`, '/p.yaml', { homeDir: '/h' }).cluster;
}

describe('resolveClusterToken', () => {
  it('generates a token once, stores it 0600, and reuses it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netkeep-token-'));
    const cluster = clusterWithTokenIn(dir);
    const first = await resolveClusterToken(cluster, { env: {}, store: true });
    expect(first.generated).toBe(true);
    expect(statSync(join(dir, 'sub/token')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'sub')).mode & 0o777).toBe(0o700);
    const second = await resolveClusterToken(cluster, { env: {}, store: true });
    expect(second).toEqual({ value: first.value, source: join(dir, 'sub/token'), generated: false });
    expect(readFileSync(join(dir, 'sub/token'), 'utf8').trim()).toBe(first.value);
  });

  it('prefers the environment variable, stores nothing in a dry run, refuses a token file others can read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netkeep-token-'));
    const cluster = clusterWithTokenIn(dir);
    expect(await resolveClusterToken(cluster, { env: { LAB_TOKEN: 'from-env' }, store: true })).toEqual({ value: 'from-env', source: '$LAB_TOKEN', generated: false });
    expect((await resolveClusterToken(cluster, { env: {}, store: false })).generated).toBe(true);
    expect(() => statSync(join(dir, 'sub/token'))).toThrow();
    const loose = join(dir, 'loose');
    writeFileSync(loose, 'x\n');
    chmodSync(loose, 0o644);
    await expect(resolveClusterToken({ ...cluster, tokenFile: loose, tokenEnv: undefined }, { env: {}, store: true })).rejects.toThrow(/readable by others/);
  });
});
