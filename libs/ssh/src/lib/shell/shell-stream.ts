/**
 * The byte stream of an interactive shell: an ssh2 channel in production, a recorded
 * transcript in golden tests. The session engine needs nothing more than this.
 */
export interface ShellStream {
  write(data: string): void;
  onData(listener: (chunk: string) => void): void;
  /** Called once when the stream ends, whoever ended it. */
  onClose(listener: () => void): void;
  close(): void;
}
