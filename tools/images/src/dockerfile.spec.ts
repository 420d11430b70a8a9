import { NODE_RUNTIME_FLAGS } from '@netkeep/build-tools';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envPairs, execForm, parseDockerfile, type DockerfileStage } from './dockerfile';
import { imageRuntimeConfig } from './image-config';
import { NODE_RUNTIME_LOCK } from './node-runtime';

const WORKSPACE = resolve(__dirname, '../../..');
const SERVICES = ['inventory', 'config-backup', 'telemetry'];

/** What the final stage of a Dockerfile configures, in the terms of the buildah image's config. */
function runtimeConfigOf(stage: DockerfileStage): Record<string, unknown> {
  const last = (keyword: string) => stage.instructions.filter((instruction) => instruction.keyword === keyword).at(-1);
  const entrypoint = last('ENTRYPOINT');
  const cmd = last('CMD');
  return {
    entrypoint: entrypoint && execForm(entrypoint),
    cmd: cmd && execForm(cmd),
    workingDir: last('WORKDIR')?.args,
    user: last('USER')?.args,
    exposedPorts: stage.instructions
      .filter((instruction) => instruction.keyword === 'EXPOSE')
      .flatMap((instruction) => instruction.args.split(' '))
      .map((port) => (port.includes('/') ? port : `${port}/tcp`)),
    env: Object.assign({}, ...stage.instructions.filter((instruction) => instruction.keyword === 'ENV').map(envPairs)),
  };
}

describe.each(SERVICES)('apps/%s/Dockerfile', (service) => {
  const stages = parseDockerfile(readFileSync(resolve(WORKSPACE, 'apps', service, 'Dockerfile'), 'utf8'));
  const runtime = stages.at(-1) as DockerfileStage;
  const nodeVersion = (JSON.parse(readFileSync(NODE_RUNTIME_LOCK, 'utf8')) as { version: string }).version;

  it('runs with the entrypoint, command, workdir, user, port and environment of the buildah image', () => {
    expect(runtimeConfigOf(runtime)).toEqual(imageRuntimeConfig(NODE_RUNTIME_FLAGS));
  });

  it('builds on the pinned Node.js release and runs on the same major, distroless and non-root', () => {
    expect(stages[0].image).toBe(`node:${nodeVersion}-bookworm-slim`);
    expect(runtime.image).toBe(`gcr.io/distroless/nodejs${nodeVersion.split('.')[0]}-debian12:nonroot`);
  });

  it(`bundles ${service} and installs its own production dependencies`, () => {
    const commands = stages[0].instructions.filter((instruction) => instruction.keyword === 'RUN').map((instruction) => instruction.args);
    expect(commands.join('\n')).toContain(`tools/build/src/bundle-app.ts ${service} `);
    expect(commands.join('\n')).toContain(`tools/images/src/production-manifest.ts dist/apps/${service} /production`);
    expect(runtime.instructions.some((instruction) => instruction.keyword === 'COPY' && instruction.args.includes(`dist/apps/${service}/`))).toBe(true);
  });
});

describe('parseDockerfile', () => {
  it('joins continued lines, skips comments, substitutes global ARGs in FROM and names stages', () => {
    const stages = parseDockerfile(['# syntax=docker/dockerfile:1', 'ARG BASE=node:22', 'FROM ${BASE}-slim AS build', 'RUN a \\', '  # inside', ' && b', 'FROM scratch', 'ENV A=1 B="two words"', 'ENTRYPOINT ["/x", "-y"]'].join('\n'));
    expect(stages.map((stage) => [stage.image, stage.name])).toEqual([
      ['node:22-slim', 'build'],
      ['scratch', undefined],
    ]);
    expect(stages[0].instructions).toEqual([{ keyword: 'RUN', args: 'a && b', line: 4 }]);
    expect(envPairs(stages[1].instructions[0])).toEqual({ A: '1', B: 'two words' });
    expect(execForm(stages[1].instructions[1])).toEqual(['/x', '-y']);
  });

  it('refuses the shell form of ENTRYPOINT: the image has no shell to run it', () => {
    const [stage] = parseDockerfile('FROM scratch\nENTRYPOINT node /app/main.js');
    expect(() => execForm(stage.instructions[0])).toThrow(/line 2: ENTRYPOINT must be a JSON array/);
  });
});
