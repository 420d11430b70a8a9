import { readdir, readFile } from 'node:fs/promises';

/**
 * The uid of the process that runs `executable` with `marker` (NAME=value) in its environment:
 * found through /proc whichever engine started it, since a container's processes are the host's.
 */
export async function processUidByEnvironment(executable: string, marker: string): Promise<number | undefined> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const argv0 = (await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')).split('\0')[0];
    if (argv0 !== executable) continue;
    const environment = (await readFile(`/proc/${entry}/environ`, 'utf8').catch(() => '')).split('\0');
    if (!environment.includes(marker)) continue;
    const uid = /^Uid:\s+(\d+)/m.exec(await readFile(`/proc/${entry}/status`, 'utf8').catch(() => ''))?.[1];
    if (uid !== undefined) return Number(uid);
  }
  return undefined;
}
