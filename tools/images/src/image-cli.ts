/**
 * Builds one service's image into an OCI archive and prints where it is and what it weighs.
 *
 *   npm run image -- <service> [--engine buildah|podman|docker] [--out dir] [--tag tag]
 *   npm run image -- --lock-debian-packages
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isImageEngine } from './image-engine';
import { lockDebianPackages } from './lock-debian-packages';
import { buildServiceImage } from './service-image';

const WORKSPACE = resolve(__dirname, '../../..');
const USAGE = 'usage: npm run image -- <service> [--engine buildah|podman|docker] [--out dir] [--tag tag] | --lock-debian-packages';
/** The budget for one image on the wire. */
const COMPRESSED_GOAL_BYTES = 150 * 1000 * 1000;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      engine: { type: 'string' },
      out: { type: 'string' },
      tag: { type: 'string' },
      'lock-debian-packages': { type: 'boolean' },
    },
  });
  if (values['lock-debian-packages']) {
    const pins = await lockDebianPackages();
    process.stdout.write(pins.map((pin) => `${pin.name}=${pin.version} ${pin.sha256}\n`).join(''));
    return;
  }
  const [service] = positionals;
  if (!service || positionals.length > 1 || (values.engine !== undefined && !isImageEngine(values.engine))) throw new UsageError();

  const startedMs = Date.now();
  const image = await buildServiceImage({
    service,
    workspaceRoot: WORKSPACE,
    outputDir: resolve(values.out ?? resolve(WORKSPACE, 'dist', 'images')),
    engine: values.engine !== undefined && isImageEngine(values.engine) ? values.engine : undefined,
    tag: values.tag,
    onStep: (step) => process.stderr.write(`${service}: ${step}\n`),
  });
  const uncompressed = image.uncompressedBytes === undefined ? '' : `, ${megabytes(image.uncompressedBytes)} uncompressed`;
  const goal = image.compressedBytes <= COMPRESSED_GOAL_BYTES ? 'within' : 'OVER';
  process.stdout.write(
    [
      `reference  ${image.reference}`,
      `archive    ${displayPath(image.archivePath)}`,
      `size       ${megabytes(image.compressedBytes)} compressed${uncompressed} (${goal} the ${megabytes(COMPRESSED_GOAL_BYTES)} goal)`,
      `digest     ${image.manifestDigest}`,
      `built in   ${((Date.now() - startedMs) / 1000).toFixed(1)} s with ${image.engine}`,
      '',
    ].join('\n'),
  );
}

class UsageError extends Error {
  constructor() {
    super(USAGE);
  }
}

// Relative when under the current directory, where it is shorter; absolute otherwise.
function displayPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere && !fromHere.startsWith('..') ? fromHere : path;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
