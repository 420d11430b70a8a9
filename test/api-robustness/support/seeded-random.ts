import { SeededRandom } from '@netkeep/device-lab';
import { randomInt } from 'node:crypto';

// The device lab's generator: `fork(label)` gives an independent stream per label, so adding an
// operation to the API does not change the requests of the others.
export { SeededRandom };

const SEED_VARIABLE = 'NETKEEP_FUZZ_SEED';

export const LOWERCASE_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HEX_DIGITS = '0123456789abcdef';

/** The run's seed: NETKEEP_FUZZ_SEED to replay a run, else a fresh one (printed by the suite so a failure can be replayed). */
export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[SEED_VARIABLE]?.trim();
  if (!text) return randomInt(1, 2 ** 31);
  if (!/^\d{1,10}$/.test(text) || Number(text) >= 2 ** 32) throw new Error(`${SEED_VARIABLE} must be an integer from 0 to ${2 ** 32 - 1} (got "${text}")`);
  return Number(text);
}

/** A version 4 UUID drawn from the stream. */
export function uuidFrom(random: SeededRandom): string {
  const hex = random.chars(32, HEX_DIGITS);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${random.pick(['8', '9', 'a', 'b'])}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
