import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';

/** The version the stand-in binary of an air-gap bundle reports. */
export const STAND_IN_VERSION = 'v1.33.4+k3s1';
/** What the stand-in install script "downloads" for a channel. */
export const STAND_IN_CHANNEL_VERSION = 'v1.33.5+k3s1';

export interface StandInApiAddress {
  host: string;
  port: number;
  token: string;
}

/** An air-gap bundle laid out as K3S's release assets, made of stand-ins, with each file's checksum. */
export interface StandInBundle {
  dir: string;
  arch: string;
  files: { installScript: string; binary: string; images: string };
  sha256: { installScript: string; binary: string; images: string };
  /** The install script with the stand-in "download" path, for online installs. */
  onlineInstallScript: string;
}

const STAND_IN_SOURCES = join(__dirname, 'k3s-stand-in');

/** K3S's name for this machine's architecture: the bundle's binary must suit the nodes, which share it. */
export function hostK3sArch(): string {
  return process.arch === 'arm64' ? 'arm64' : process.arch === 'arm' ? 'armhf' : 'amd64';
}

/**
 * Writes a bundle folder: `install.sh` and `k3s` from the stand-in sources with the lab's API
 * address filled in, a stand-in images tarball of random bytes, and `sha256sum-<arch>.txt` as
 * the release ships it.
 */
export async function buildStandInBundle(dir: string, api: StandInApiAddress): Promise<StandInBundle> {
  await mkdir(dir, { recursive: true });
  const arch = hostK3sArch();
  const binaryTemplate = join(dir, 'online-download', 'k3s.template.js');
  const fill = (text: string, version: string) =>
    text
      .replaceAll('@@VERSION@@', version)
      .replaceAll('@@UPSTREAM_HOST@@', api.host)
      .replaceAll('@@UPSTREAM_PORT@@', String(api.port))
      .replaceAll('@@API_TOKEN@@', api.token)
      .replaceAll('@@YAML_MODULE@@', require.resolve('yaml'))
      .replaceAll('@@CHANNEL_VERSION@@', STAND_IN_CHANNEL_VERSION)
      .replaceAll('@@ONLINE_BINARY_TEMPLATE@@', binaryTemplate);
  const binarySource = await readFile(join(STAND_IN_SOURCES, 'k3s.js'), 'utf8');
  const installSource = await readFile(join(STAND_IN_SOURCES, 'install.sh'), 'utf8');
  const files = {
    installScript: join(dir, 'install.sh'),
    binary: join(dir, arch === 'amd64' ? 'k3s' : `k3s-${arch}`),
    images: join(dir, `k3s-airgap-images-${arch}.tar.zst`),
  };
  await mkdir(join(dir, 'online-download'), { recursive: true });
  await writeFile(binaryTemplate, fill(binarySource, STAND_IN_VERSION), { mode: 0o644 });
  await writeFile(files.binary, fill(binarySource, STAND_IN_VERSION), { mode: 0o755 });
  await writeFile(files.installScript, fill(installSource, STAND_IN_VERSION), { mode: 0o755 });
  await writeFile(files.images, Buffer.concat([Buffer.from('stand-in for the K3S air-gap images tarball\n'), randomBytes(256 * 1024)]), { mode: 0o644 });
  const sha256 = {
    installScript: await sha256Of(files.installScript),
    binary: await sha256Of(files.binary),
    images: await sha256Of(files.images),
  };
  const listed: [string, string][] = [[sha256.binary, files.binary], [sha256.images, files.images], [sha256.installScript, files.installScript]];
  await writeFile(join(dir, `sha256sum-${arch}.txt`), listed.map(([sum, file]) => `${sum}  ${basename(file)}\n`).join(''));
  return { dir, arch, files, sha256, onlineInstallScript: files.installScript };
}

/** Serves the stand-in install script over HTTP on the lab bridge, as get.k3s.io would. */
export async function serveInstallScript(host: string, scriptPath: string): Promise<{ url: string; requests: number; close(): Promise<void> }> {
  const script = await readFile(scriptPath);
  const state = { requests: 0 };
  const server = createServer((request, response) => {
    state.requests++;
    if (request.url !== '/install.sh') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/x-shellscript', 'Content-Length': script.length });
    response.end(script);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}/install.sh`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function sha256Of(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}
