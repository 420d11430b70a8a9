import type { LabDeviceIdentity } from '../persona';

/** FNV-1a over UTF-16 code units: a stable 32-bit number for any text. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const HEX_DIGITS = '0123456789abcdef';

/**
 * Deterministic pseudo-random numbers (mulberry32) seeded from text (a number as its decimal
 * text), the same on every machine. `fork` gives an independent stream per topic, so a new draw
 * in one section never shifts another.
 */
export class SeededRandom {
  private state: number;

  constructor(private readonly seed: string | number) {
    this.state = hashText(String(seed));
  }

  /** The stream of one device for one topic: stable across runs, distinct across devices. */
  static forDevice(device: Pick<LabDeviceIdentity, 'name' | 'index' | 'platform'>, topic: string): SeededRandom {
    return new SeededRandom(`${device.platform}/${device.name}/${device.index}/${topic}`);
  }

  fork(topic: string): SeededRandom {
    return new SeededRandom(`${this.seed}/${topic}`);
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)];
  }

  /** `count` distinct items, in their original order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(this.int(0, items.length - 1));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i]);
  }

  chars(length: number, alphabet: string = ALPHANUMERIC): string {
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[this.int(0, alphabet.length - 1)];
    return text;
  }

  bytes(length: number): number[] {
    return Array.from({ length }, () => this.int(0, 255));
  }
}
