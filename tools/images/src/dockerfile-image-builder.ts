import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './run-command';

export interface DockerfileBuild {
  engine: 'podman' | 'docker';
  workspaceRoot: string;
  service: string;
  labels: Record<string, string>;
  sourceDateEpoch: number;
  archivePath: string;
  referenceFor: (imageId: string) => string;
}

export interface DockerfileResult {
  imageId: string;
  reference: string;
}

/**
 * Where buildah is missing: the service's Dockerfile, built by podman or docker from the
 * workspace root and saved as an OCI archive (docker 25 and newer write the OCI layout).
 */
export async function buildWithDockerfile(build: DockerfileBuild): Promise<DockerfileResult> {
  const { engine, workspaceRoot, service } = build;
  const buildTag = `localhost/netkeep/${service}:build`;
  const timestamp = engine === 'podman' ? ['--timestamp', String(build.sourceDateEpoch)] : [];
  await runCommand(
    engine,
    [
      'build',
      '--file',
      join('apps', service, 'Dockerfile'),
      '--tag',
      buildTag,
      '--build-arg',
      `SOURCE_DATE_EPOCH=${build.sourceDateEpoch}`,
      ...timestamp,
      ...Object.entries(build.labels).flatMap(([name, value]) => ['--label', `${name}=${value}`]),
      '.',
    ],
    { cwd: workspaceRoot, env: { ...process.env, SOURCE_DATE_EPOCH: String(build.sourceDateEpoch) } },
  );
  const imageId = (await runCommand(engine, ['image', 'inspect', '--format', '{{.Id}}', buildTag])).stdout.trim();
  const reference = build.referenceFor(imageId);
  await runCommand(engine, ['tag', buildTag, reference]);
  await rm(build.archivePath, { force: true });
  const format = engine === 'podman' ? ['--format', 'oci-archive'] : [];
  await runCommand(engine, ['save', ...format, '--output', build.archivePath, reference]);
  return { imageId, reference };
}
