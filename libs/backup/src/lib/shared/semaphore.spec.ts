import { describe, expect, it } from 'vitest';
import { Semaphore } from './semaphore';

describe('Semaphore', () => {
  it('runs at most its limit at once, the rest in call order, and frees a place when a section fails', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let highest = 0;
    const started: number[] = [];
    const section = (id: number, fail = false) =>
      semaphore.run(async () => {
        started.push(id);
        highest = Math.max(highest, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (fail) throw new Error(`section ${id} failed`);
        return id;
      });
    const results = await Promise.allSettled([section(1), section(2, true), section(3), section(4), section(5)]);
    expect(highest).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(await semaphore.run(async () => 'free again')).toBe('free again');
  });
});
