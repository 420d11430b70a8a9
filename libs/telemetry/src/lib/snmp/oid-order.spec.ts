import { describe, expect, it } from 'vitest';
import { compareOids } from './snmp-session';

describe('compareOids', () => {
  it.each([
    ['1.3.6.1.2.1.2.2.1.10.1', '1.3.6.1.2.1.2.2.1.9.1', 1],
    ['1.3.6.1.2.1.2.2.1.2.9', '1.3.6.1.2.1.2.2.1.2.10', -1],
    ['1.3.6.1', '1.3.6.1.0', -1],
    ['1.3.6.1.0', '1.3.6.1', 1],
    ['1.3.6.1.4.1.9.9.109.1.1.1.1.8.1', '1.3.6.1.4.1.9.9.109.1.1.1.1.8.1', 0],
    ['1.3.6.1.2.1.31.1.1.1.6.4294967295', '1.3.6.1.2.1.31.1.1.1.6.4294967296', -1],
  ])('orders %s against %s numerically, arc by arc', (a, b, sign) => {
    expect(Math.sign(compareOids(a, b))).toBe(sign);
  });
});
