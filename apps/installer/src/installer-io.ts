import type { InstallerEnvironment } from '@netkeep/installer';

/** Everything the installer CLI reads from or writes to its process, so tests can run it in-process. */
export interface InstallerIo {
  environment: InstallerEnvironment;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** stderr is a terminal: progress is redrawn in place instead of printed line by line. */
  interactive: boolean;
  columns(): number;
}
