import { readdir, readFile } from 'node:fs/promises';

/**
 * Direct children of a process, read from /proc. sshd forks one child per connection and
 * puts it in its own session, so signalling the listener's process group does not reach them.
 */
export async function childProcessIds(parentPid: number): Promise<number[]> {
  const entries = await readdir('/proc').catch(() => [] as string[]);
  const children: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // The command name in parentheses may contain spaces: fields after the last ')' are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[1]) === parentPid) children.push(Number(entry));
  }
  return children;
}
