import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileHostKeyStore } from './file-host-key-store';
import { hostKeyEntryName } from './host-key';

describe('FileHostKeyStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netkeep-hostkeys-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes known_hosts lines readable by a new store, owner-only', async () => {
    const path = join(dir, 'sub', 'known_hosts');
    const store = new FileHostKeyStore(path);
    await Promise.all([
      store.recordFirstSeen(hostKeyEntryName('10.0.0.1', 22), { algorithm: 'ssh-ed25519', base64: 'AAAA1' }),
      store.recordFirstSeen(hostKeyEntryName('10.0.0.2', 2222), { algorithm: 'ssh-rsa', base64: 'AAAA2' }),
    ]);
    expect(await readFile(path, 'utf8')).toBe('10.0.0.1 ssh-ed25519 AAAA1\n[10.0.0.2]:2222 ssh-rsa AAAA2\n');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await new FileHostKeyStore(path).get('[10.0.0.2]:2222')).toEqual({ algorithm: 'ssh-rsa', base64: 'AAAA2' });
  });

  it('replaces a changed key in place, keeping the others', async () => {
    const path = join(dir, 'known_hosts');
    const store = new FileHostKeyStore(path);
    await store.recordFirstSeen('r1', { algorithm: 'ssh-ed25519', base64: 'OLD' });
    await store.recordFirstSeen('r2', { algorithm: 'ssh-ed25519', base64: 'R2' });
    await store.replace('r1', { algorithm: 'ssh-ed25519', base64: 'NEW' });
    expect(await readFile(path, 'utf8')).toBe('r1 ssh-ed25519 NEW\nr2 ssh-ed25519 R2\n');
  });

  it('keeps the first key recorded for a name: a later first sighting gets the recorded one back', async () => {
    const path = join(dir, 'known_hosts');
    const store = new FileHostKeyStore(path);
    await store.recordFirstSeen('r1', { algorithm: 'ssh-ed25519', base64: 'FIRST' });
    expect(await store.recordFirstSeen('r1', { algorithm: 'ssh-ed25519', base64: 'SECOND' })).toEqual({ algorithm: 'ssh-ed25519', base64: 'FIRST' });
    expect(await readFile(path, 'utf8')).toBe('r1 ssh-ed25519 FIRST\n');
  });

  it('reads an existing OpenSSH known_hosts with comments and several names per line', async () => {
    const path = join(dir, 'known_hosts');
    await writeFile(path, '# seeded\nrouter1,10.1.1.1 ssh-ed25519 AAAAkey\n@revoked router2 ssh-ed25519 AAAArevoked\n');
    const store = new FileHostKeyStore(path);
    expect(await store.get('10.1.1.1')).toEqual({ algorithm: 'ssh-ed25519', base64: 'AAAAkey' });
    expect(await store.get('router2')).toBeUndefined();
  });
});
