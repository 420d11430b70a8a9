import { startOpenSshServer, type OpenSshServer } from '@netkeep/testing';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importImageToNodes, NodeImageImportError } from './import-image-to-nodes';
import { parseSshTargets } from './ssh-target';

describe('importImageToNodes over a real OpenSSH server', () => {
  let sshd: OpenSshServer;
  let dir: string;
  let archivePath: string;
  let fakeK3s: string;

  beforeAll(async () => {
    sshd = await startOpenSshServer();
    dir = await mkdtemp(join(tmpdir(), 'netkeep-node-import-'));
    archivePath = join(dir, 'inventory-1.0.0.oci.tar');
    await writeFile(archivePath, Buffer.alloc(256 * 1024, 7));
    // Stands in for the k3s binary on a node: records how it was called.
    fakeK3s = join(dir, 'fake-k3s');
    await writeFile(fakeK3s, `#!/bin/sh\necho "$@" >> ${join(dir, 'fake-k3s.calls')}\necho "unpacking netkeep/inventory:1.0.0...done"\n`);
    await chmod(fakeK3s, 0o755);
  });

  afterAll(async () => {
    await sshd.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const target = () => parseSshTargets(`${sshd.username}@${sshd.host}:${sshd.port}`);

  it('copies the archive into the images directory and imports it with k3s ctr', async () => {
    const lines: string[] = [];
    const imagesDir = join(dir, 'agent', 'images');
    await importImageToNodes({
      archivePath,
      targets: target(),
      privateKeyPath: sshd.privateKeyPath,
      imagesDir,
      k3sCommand: fakeK3s,
      knownHostsPath: join(dir, 'no-known-hosts'),
      log: (line) => lines.push(line),
    });

    expect(await readFile(join(imagesDir, 'inventory-1.0.0.oci.tar'))).toEqual(await readFile(archivePath));
    expect(await readFile(join(dir, 'fake-k3s.calls'), 'utf8')).toBe(`ctr -n k8s.io images import ${join(imagesDir, 'inventory-1.0.0.oci.tar')}\n`);
    expect(lines).toContain(`${sshd.username}@${sshd.host}:${sshd.port} is not in known_hosts; its host key is ${sshd.hostKeyFingerprint}`);
    expect(lines).toContain(`imported on ${sshd.username}@${sshd.host}:${sshd.port}: unpacking netkeep/inventory:1.0.0...done`);
  });

  it('refuses a node whose host key differs from known_hosts', async () => {
    const knownHostsPath = join(dir, 'known_hosts');
    const otherKey = 'AAAAC3NzaC1lZDI1NTE5AAAAIE0kGPeJQvR3t0vZl4h2m8yCQJ8iO6C5xXh7Fh6P3t8k';
    await writeFile(knownHostsPath, `[${sshd.host}]:${sshd.port} ssh-ed25519 ${otherKey}\n`);

    const error = await importImageToNodes({ archivePath, targets: target(), privateKeyPath: sshd.privateKeyPath, imagesDir: join(dir, 'never'), knownHostsPath }).catch(
      (caught: unknown) => caught as Error,
    );

    expect(error).toBeInstanceOf(NodeImageImportError);
    expect(error?.message).toMatch(/host key SHA256:\S+ does not match known_hosts: refusing to copy anything there$/);
  });

  it('names the node and the failing step when the import fails', async () => {
    const failingK3s = join(dir, 'failing-fake-k3s');
    await writeFile(failingK3s, '#!/bin/sh\necho "ctr: content digest sha256:abc: not found" >&2\nexit 1\n');
    await chmod(failingK3s, 0o755);
    const knownHostsPath = join(dir, 'known_hosts_ok');
    await writeFile(knownHostsPath, `[${sshd.host}]:${sshd.port} ${sshd.hostPublicKey}\n`);

    const error = await importImageToNodes({
      archivePath,
      targets: target(),
      privateKeyPath: sshd.privateKeyPath,
      imagesDir: join(dir, 'agent-2'),
      k3sCommand: failingK3s,
      knownHostsPath,
    }).catch((caught: unknown) => caught as Error);

    expect(error?.message).toBe(
      `${sshd.username}@${sshd.host}:${sshd.port}: \`${failingK3s} ctr -n k8s.io images import '${join(dir, 'agent-2', 'inventory-1.0.0.oci.tar')}'\` exited with 1: ctr: content digest sha256:abc: not found`,
    );
  });
});

describe('parseSshTargets', () => {
  it('reads users, hosts, ports and IPv6 addresses', () => {
    expect(parseSshTargets('admin@10.0.0.5, root@node-2:2222,[::1]:2200, ops@[fd00::5]')).toEqual([
      { user: 'admin', host: '10.0.0.5', port: 22 },
      { user: 'root', host: 'node-2', port: 2222 },
      { user: 'root', host: '::1', port: 2200 },
      { user: 'ops', host: 'fd00::5', port: 22 },
    ]);
  });

  it('refuses what is not a target', () => {
    expect(() => parseSshTargets('admin@host:99999')).toThrow('"admin@host:99999" has no valid port');
    expect(() => parseSshTargets('@host')).toThrow('"@host" is not an SSH target (expected user@host[:port])');
  });
});
