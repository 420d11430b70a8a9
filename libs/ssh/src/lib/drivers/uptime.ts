const SECONDS_PER_UNIT: Readonly<Record<string, number>> = {
  y: 365 * 86_400,
  w: 7 * 86_400,
  d: 86_400,
  h: 3_600,
  m: 60,
  s: 1,
};

/** `2 weeks`, `12 day(s)`, `4h`, `1 yr`; the unit's first letter says its size (no months anywhere). */
const UNIT_AMOUNT = /(\d+)\s*(years?|yrs?|y|weeks?|wks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?:\(s\))?(?![a-z])/gi;
/** A clock part as Junos and `uptime` print it: `04:05` (hours:minutes) or `04:05:06`. */
const CLOCK = /(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])/;

/**
 * Seconds in an uptime phrase as devices print it: `2 weeks, 3 days, 4 hours, 5 minutes`,
 * `12 day(s), 3 hour(s), 4 minute(s), 5 second(s)`, `2w3d4h5m6s`, `3 weeks, 2 days,
 * 4 hours and 10 minutes`, `2w3d 04:05`. Undefined when the phrase holds no duration.
 */
export function parseUptimePhrase(phrase: string | undefined): number | undefined {
  if (phrase === undefined) return undefined;
  let seconds = 0;
  let found = false;
  for (const [, amount, unit] of phrase.matchAll(UNIT_AMOUNT)) {
    seconds += Number(amount) * SECONDS_PER_UNIT[unit[0].toLowerCase()];
    found = true;
  }
  const clock = CLOCK.exec(phrase);
  if (clock) {
    const [, hours, minutes, secs] = clock;
    seconds += Number(hours) * 3_600 + Number(minutes) * 60 + Number(secs ?? 0);
    found = true;
  }
  return found ? seconds : undefined;
}
