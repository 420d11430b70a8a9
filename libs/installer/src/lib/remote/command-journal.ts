/** One thing done (or, in a dry run, to be done) on a node. */
export interface JournalEntry {
  node: string;
  kind: 'run' | 'file';
  purpose: string;
  /** The command line exactly as sent, or `<path> (mode, sha256)` for a file. Never a secret. */
  text: string;
  /** For a file whose content may be shown: the content with secrets replaced. */
  content?: string;
  readOnly: boolean;
  /** False for a change a dry run only recorded. */
  executed: boolean;
  exitCode?: number | null;
  durationMs?: number;
}

/** Every remote command of a run, per node, in order: what --dry-run prints and --verbose streams. */
export class CommandJournal {
  readonly entries: JournalEntry[] = [];
  private readonly listeners: ((entry: JournalEntry) => void)[] = [];

  record(entry: JournalEntry): void {
    this.entries.push(entry);
    this.listeners.forEach((listener) => listener(entry));
  }

  onEntry(listener: (entry: JournalEntry) => void): void {
    this.listeners.push(listener);
  }

  forNode(node: string): JournalEntry[] {
    return this.entries.filter((entry) => entry.node === node);
  }

  /** Changes only: what a run did or would do. */
  changes(node?: string): JournalEntry[] {
    return this.entries.filter((entry) => !entry.readOnly && (node === undefined || entry.node === node));
  }
}
