/** Asks a question without echoing the answer; only exists when stdin is a terminal. */
export type SecretPrompt = (question: string) => Promise<string>;

/** Everything the CLI reads from or writes to its process, so tests can run it in-process. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Absent when stdin is not a terminal: then no secret is ever prompted for. */
  promptSecret?: SecretPrompt;
}
