import { gzipSync } from 'node:zlib';
import type { Logger, Plugin, Rollup } from 'vite';

export interface FirstLoadReport {
  /** The JavaScript files index.html loads before the console can render, with their gzipped sizes. */
  files: { fileName: string; gzipBytes: number }[];
  gzipBytes: number;
}

/** The entry chunks and everything they import statically: what the browser must fetch on the first load (lazy chunks excluded). */
export function measureFirstLoad(bundle: Rollup.OutputBundle): FirstLoadReport {
  const chunks = new Map(Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [[output.fileName, output] as const] : [])));
  const needed = new Set<string>();
  const visit = (fileName: string): void => {
    if (needed.has(fileName)) return;
    needed.add(fileName);
    for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  const files = [...needed].sort().map((fileName) => ({ fileName, gzipBytes: gzipSync(chunks.get(fileName)?.code ?? '').length }));
  return { files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}

/** Fails the build when the first load's gzipped JavaScript reaches `limitKb`, and prints the figure on every build. */
export function firstLoadBudget(options: { limitKb: number }): Plugin {
  let logger: Logger | undefined;
  return {
    name: 'netkeep-first-load-budget',
    apply: 'build',
    configResolved(config) {
      logger = config.logger;
    },
    generateBundle(_outputOptions, bundle) {
      const report = measureFirstLoad(bundle);
      const kb = report.gzipBytes / 1024;
      const files = report.files.map((file) => `${file.fileName} ${(file.gzipBytes / 1024).toFixed(1)} KB`).join(', ');
      if (kb >= options.limitKb) this.error(`first load is ${kb.toFixed(1)} KB of gzipped JavaScript, over the ${options.limitKb} KB budget (${files})`);
      logger?.info(`first load: ${kb.toFixed(1)} KB of gzipped JavaScript, budget ${options.limitKb} KB (${files})`);
    },
  };
}
