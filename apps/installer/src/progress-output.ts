import { LineProgress, LiveProgress, type JournalEntry, type ProgressSink } from '@netkeep/installer';
import type { InstallerIo } from './installer-io';

/** A live table on a terminal, plain lines otherwise (CI logs, pipes). */
export function progressOutput(io: InstallerIo, options: { plain?: boolean } = {}): ProgressSink {
  const write = (text: string) => io.stderr.write(text);
  return io.interactive && !options.plain ? new LiveProgress(write, io.columns) : new LineProgress(write);
}

/** `--verbose`: each remote command as it is run (sudo passwords never appear: they travel on stdin). */
export function verboseLine(entry: JournalEntry): string {
  const state = entry.executed ? `exit ${entry.exitCode ?? '-'}` : 'not run';
  return `  ${entry.node} $ ${entry.text.split('\n')[0]}  (${state})`;
}
