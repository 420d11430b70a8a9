import { createHash, randomInt } from 'node:crypto';

const SEED_VARIABLE = 'NETKEEP_FUZZ_SEED';

/** The run's seed: NETKEEP_FUZZ_SEED to replay a run, else a fresh one (printed by the suite so a failure can be replayed). */
export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[SEED_VARIABLE]?.trim();
  if (!text) return randomInt(1, 2 ** 31);
  if (!/^\d{1,10}$/.test(text) || Number(text) >= 2 ** 32) throw new Error(`${SEED_VARIABLE} must be an integer from 0 to ${2 ** 32 - 1} (got "${text}")`);
  return Number(text);
}

/**
 * mulberry32: small, fast and the same on every machine. `fork(label)` gives an independent
 * stream per label, so adding an operation to the API does not change the requests of the others.
 */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  fork(label: string): SeededRandom {
    const digest = createHash('sha256').update(`${this.seed}:${label}`).digest();
    return new SeededRandom(digest.readUInt32BE(0));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  string(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[this.int(0, alphabet.length - 1)];
    return text;
  }

  uuid(): string {
    const hex = this.string(32, '0123456789abcdef');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${this.pick(['8', '9', 'a', 'b'])}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
