import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';

/** Below Linux's default ephemeral range (32768–60999), where no listen(0) or outgoing connection picks ports. */
const FALLBACK_RANGE = { low: 20_000, high: 32_000 };
const ATTEMPTS = 20;

/**
 * A loopback port that was free a moment ago, chosen outside the kernel's ephemeral range: a
 * container that takes seconds to start would otherwise often lose its port to a busy machine's
 * other sockets. Callers still retry on EADDRINUSE.
 */
export async function freeLoopbackPort(): Promise<number> {
  const range = await portsOutsideEphemeralRange();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = range.low + Math.floor(Math.random() * (range.high - range.low));
    if (await isFree(port)) return port;
  }
  throw new Error(`no free loopback port found in ${range.low}-${range.high}`);
}

async function portsOutsideEphemeralRange(): Promise<{ low: number; high: number }> {
  const text = await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').catch(() => '');
  const [low] = text.trim().split(/\s+/).map(Number);
  return low && low > FALLBACK_RANGE.low + 1000 ? { low: FALLBACK_RANGE.low, high: low } : FALLBACK_RANGE;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
