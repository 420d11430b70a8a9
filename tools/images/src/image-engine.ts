import { commandSucceeds } from './run-command';

/** The programs that can build an image here; buildah needs no daemon, docker needs a running engine. */
export type ImageEngine = 'buildah' | 'podman' | 'docker';

/** Tried in this order when no engine is named: the daemonless ones first. */
export const IMAGE_ENGINES: readonly ImageEngine[] = ['buildah', 'podman', 'docker'];

/** A probe that succeeds only when the engine can build: the docker client alone is not enough, its daemon must answer. */
export const IMAGE_ENGINE_PROBES: Record<ImageEngine, readonly string[]> = {
  buildah: ['version'],
  podman: ['version'],
  docker: ['info', '--format', '{{.ServerVersion}}'],
};

export class NoImageEngineError extends Error {
  constructor(requested?: ImageEngine) {
    super(
      requested
        ? `${requested} cannot build images here (\`${requested} ${IMAGE_ENGINE_PROBES[requested].join(' ')}\` failed)`
        : `no image engine found: install buildah (apt-get install buildah), podman, or docker with a running daemon`,
    );
    this.name = 'NoImageEngineError';
  }
}

export function isImageEngine(name: string): name is ImageEngine {
  return (IMAGE_ENGINES as readonly string[]).includes(name);
}

/** The first engine that answers its probe, or undefined when none does. */
export async function detectImageEngine(): Promise<ImageEngine | undefined> {
  for (const engine of IMAGE_ENGINES) {
    if (await commandSucceeds(engine, IMAGE_ENGINE_PROBES[engine])) return engine;
  }
  return undefined;
}

/** The requested engine if it works, else the detected one; throws when there is nothing to build with. */
export async function resolveImageEngine(requested?: ImageEngine): Promise<ImageEngine> {
  if (requested) {
    if (await commandSucceeds(requested, IMAGE_ENGINE_PROBES[requested])) return requested;
    throw new NoImageEngineError(requested);
  }
  const detected = await detectImageEngine();
  if (!detected) throw new NoImageEngineError();
  return detected;
}
