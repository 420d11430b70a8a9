import { createServer } from 'node:net';

/**
 * A port that was free a moment ago. Another process may take it before the caller binds it:
 * callers retry on `Address already in use` rather than trusting this answer.
 */
export function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error(`no free port on ${host}`))));
    });
  });
}
