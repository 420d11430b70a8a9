import type { FieldError } from '@netkeep/core';
import { getNextMillis } from 'bullmq';

const MIN_INTERVAL_MS = 60_000;

/** Problems of a policy's cron expression and time zone, in the words of the 400 body; empty when both are usable. */
export function scheduleProblems(cron: string, timezone: string): FieldError[] {
  const problems: FieldError[] = [];
  if (!isTimeZone(timezone)) {
    problems.push({ field: 'timezone', problems: [`timezone "${timezone}" is not an IANA time zone (e.g. UTC, Europe/Berlin, America/New_York)`] });
    return problems;
  }
  // BullMQ's parser takes fewer than five fields too, aligned from the right ("0 3" is March,
  // day 0); a schedule typed with fields missing is a mistake to name, not to guess at.
  const fields = cron.trim().split(/\s+/).length;
  if (!cron.trim().startsWith('@') && fields < 5) {
    problems.push({ field: 'cron', problems: [`cron "${cron}" has ${fields} fields; give 5 (minute hour day month weekday) or 6 (seconds first), e.g. "0 2 * * *"`] });
    return problems;
  }
  let next: number | undefined;
  try {
    // BullMQ's own parser: what passes here is what the scheduler will run.
    next = getNextMillis(Date.now(), { pattern: cron, tz: timezone });
  } catch (error) {
    problems.push({ field: 'cron', problems: [`cron "${cron}" is not a valid cron expression (${(error as Error).message}); e.g. "0 2 * * *" for 02:00 daily`] });
    return problems;
  }
  if (next === undefined) {
    problems.push({ field: 'cron', problems: [`cron "${cron}" never fires`] });
    return problems;
  }
  const after = getNextMillis(next, { pattern: cron, tz: timezone });
  if (after !== undefined && after - next < MIN_INTERVAL_MS) {
    problems.push({ field: 'cron', problems: [`cron "${cron}" fires more than once a minute; a backup schedule needs at least a minute between runs`] });
  }
  return problems;
}

export function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
