import { buildServiceImage, type ImageEngine } from '@netkeep/images';

export type ImageEngineName = ImageEngine;

/** A built image: its reference, and the OCI archive it was written to. */
export interface BuiltServiceImage {
  reference: string;
  archivePath: string;
  compressedBytes: number;
}

/**
 * The deploy executor's one way to an image: the image library bundles the app and builds its
 * OCI archive. Kept apart so the executor does not care how images are made.
 */
export function buildImage(
  service: string,
  workspaceRoot: string,
  outputDir: string,
  options: { engine?: ImageEngine; onStep?: (step: string) => void } = {},
): Promise<BuiltServiceImage> {
  return buildServiceImage({ service, workspaceRoot, outputDir, ...options });
}
