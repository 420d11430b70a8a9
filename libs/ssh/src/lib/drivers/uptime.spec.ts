import { describe, expect, it } from 'vitest';
import { parseUptimePhrase } from './uptime';

const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;
const WEEK = 7 * DAY;

describe('parseUptimePhrase', () => {
  it.each([
    ['2 weeks, 3 days, 4 hours, 5 minutes', 2 * WEEK + 3 * DAY + 4 * HOUR + 5 * MINUTE],
    ['12 day(s), 3 hour(s), 4 minute(s), 5 second(s)', 12 * DAY + 3 * HOUR + 4 * MINUTE + 5],
    ['2w3d4h5m6s', 2 * WEEK + 3 * DAY + 4 * HOUR + 5 * MINUTE + 6],
    ['3 weeks, 2 days, 4 hours and 10 minutes', 3 * WEEK + 2 * DAY + 4 * HOUR + 10 * MINUTE],
    ['1 year, 12 weeks, 6 days, 23 hours, 59 minutes', 365 * DAY + 12 * WEEK + 6 * DAY + 23 * HOUR + 59 * MINUTE],
    ['0 week, 41 days, 7 hours, 30 minutes', 41 * DAY + 7 * HOUR + 30 * MINUTE],
    ['1 hour', HOUR],
    ['17 minutes', 17 * MINUTE],
    ['36w2d1h', 36 * WEEK + 2 * DAY + HOUR],
    ['2w6d 04:05', 2 * WEEK + 6 * DAY + 4 * HOUR + 5 * MINUTE],
    ['00:35:16', 35 * MINUTE + 16],
    ['14 days,  2:44', 14 * DAY + 2 * HOUR + 44 * MINUTE],
  ])('%j is %d seconds', (phrase, seconds) => expect(parseUptimePhrase(phrase)).toBe(seconds));

  it.each(['', 'unknown', 'since the last reload', '2 months'])('finds no duration in %j', (phrase) => {
    expect(parseUptimePhrase(phrase)).toBeUndefined();
  });

  it('accepts nothing at all', () => expect(parseUptimePhrase(undefined)).toBeUndefined());
});
