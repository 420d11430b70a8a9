import { shellQuote } from './shell-quote';

/** How a node's commands get root. */
export type Privilege =
  | { kind: 'root' }
  | { kind: 'sudo' }
  /** The password is written to sudo's stdin, never put on a command line or in a log. */
  | { kind: 'sudo-password'; password: string };

/** The command line to send and what to write to its stdin. */
export interface PrivilegedCommand {
  line: string;
  stdin?: string;
}

/**
 * Wraps a script so it runs as root. `sudo -n` fails at once instead of waiting for a password
 * nobody can type. With a password: `-S` reads it from stdin, `-k` makes sudo always read it (so
 * it never reaches the script when credentials were cached), `-p ''` drops the prompt from
 * stderr, and the script's own stdin is /dev/null in case a NOPASSWD rule left the line unread.
 */
export function asRoot(script: string, privilege: Privilege): PrivilegedCommand {
  if (privilege.kind === 'root') return { line: `sh -c ${shellQuote(script)}` };
  if (privilege.kind === 'sudo') return { line: `sudo -n -- sh -c ${shellQuote(script)}` };
  return { line: `sudo -S -k -p '' -- sh -c ${shellQuote(`exec </dev/null; ${script}`)}`, stdin: `${privilege.password}\n` };
}

/** What sudo says when it needed a password it did not get, or got a wrong one. */
export function sudoRefusal(stderr: string): 'password-required' | 'password-rejected' | undefined {
  if (/a password is required|a terminal is required/i.test(stderr)) return 'password-required';
  if (/incorrect password|Sorry, try again|no password was provided/i.test(stderr)) return 'password-rejected';
  return undefined;
}
