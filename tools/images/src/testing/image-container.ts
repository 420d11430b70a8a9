import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageEngine } from '../image-engine';
import { runCommand } from '../run-command';

export interface ImageContainerOptions {
  engine: ImageEngine;
  archivePath: string;
  /** The reference the archive carries (podman and docker run the image by this name after loading it). */
  reference: string;
  /** buildah: a private container storage, deleted by `remove`. */
  storageDir: string;
  /** The image's entrypoint and command: buildah runs exactly this, the others run the image's own config. */
  command: string[];
}

/** An image made ready to run (a buildah working container, or the image loaded into podman or docker). */
export interface ImageContainer {
  /** Starts the container's process in the foreground on the host's network. */
  run(env: Record<string, string>): RunningContainer;
  remove(): Promise<void>;
}

export interface RunningContainer {
  /** stdout and stderr so far, for a failing assertion to show. */
  output(): string;
  /** Resolves with the exit code if the process ends before `stop`. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

interface Engine {
  program: string;
  runArgs(env: string[]): string[];
  remove(): Promise<void>;
}

const STOP_GRACE_MS = 10_000;

export async function createImageContainer(options: ImageContainerOptions): Promise<ImageContainer> {
  const name = `netkeep-image-test-${process.pid}`;
  const engine = options.engine === 'buildah' ? await buildahContainer(options, name) : await loadedImage(options, name);
  return {
    remove: () => engine.remove(),
    run: (env) => {
      const envArgs = Object.entries(env).flatMap(([key, value]) => ['--env', `${key}=${value}`]);
      // Its own process group, so stop() reaches the engine's helper processes and the one they run.
      const child = spawn(engine.program, engine.runArgs(envArgs), { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      return {
        output: () => output,
        exited,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
          const signalGroup = (signal: NodeJS.Signals): void => {
            try {
              process.kill(-(child.pid as number), signal);
            } catch {
              // Already gone.
            }
          };
          signalGroup('SIGTERM');
          const timer = setTimeout(() => signalGroup('SIGKILL'), STOP_GRACE_MS);
          await exited;
          clearTimeout(timer);
        },
      };
    },
  };
}

async function buildahContainer(options: ImageContainerOptions, name: string): Promise<Engine> {
  const storage = ['--root', join(options.storageDir, 'root'), '--runroot', join(options.storageDir, 'run'), '--storage-driver', 'vfs'];
  await mkdir(options.storageDir, { recursive: true });
  await runCommand('buildah', [...storage, 'from', '--quiet', '--name', name, `oci-archive:${options.archivePath}`]);
  return {
    program: 'buildah',
    runArgs: (env) => [...storage, 'run', '--isolation', 'chroot', '--network', 'host', ...env, name, '--', ...options.command],
    remove: async () => {
      await runCommand('buildah', [...storage, 'rm', name]).catch(() => undefined);
      await rm(options.storageDir, { recursive: true, force: true });
    },
  };
}

async function loadedImage(options: ImageContainerOptions, name: string): Promise<Engine> {
  const program = options.engine;
  await runCommand(program, ['load', '--input', options.archivePath]);
  return {
    program,
    runArgs: (env) => ['run', '--rm', '--network', 'host', '--name', name, ...env, options.reference],
    remove: async () => {
      await runCommand(program, ['rm', '--force', name]).catch(() => undefined);
      await runCommand(program, ['rmi', options.reference]).catch(() => undefined);
    },
  };
}
