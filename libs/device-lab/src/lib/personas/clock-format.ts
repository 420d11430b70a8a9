import type { LabDeviceIdentity } from '../persona';

/** The ways devices print time and uptime. Every device in the lab runs on UTC. */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const FULL_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

export function uptimeSecondsAt(device: Pick<LabDeviceIdentity, 'bootedAt'>, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - device.bootedAt.getTime()) / 1000));
}

/** `01:45:26` */
export const clockTime = (d: Date): string => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
/** `123` */
export const clockMillis = (d: Date): string => pad(d.getUTCMilliseconds(), 3);
/** `Fri` */
export const dayName = (d: Date): string => DAYS[d.getUTCDay()];
/** `Friday` */
export const fullDayName = (d: Date): string => FULL_DAYS[d.getUTCDay()];
/** `2026-11-27` */
export const isoDate = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
/** `2026-11-27 01:45:26` */
export const isoDateTime = (d: Date): string => `${isoDate(d)} ${clockTime(d)}`;
/** `Fri Nov 27 01:45:26 2026` (C `ctime`, used by NX-OS, EOS, XR) */
export const ctime = (d: Date): string =>
  `${dayName(d)} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${clockTime(d)} ${d.getUTCFullYear()}`;
/** `01:45:26 UTC Fri Nov 27 2026` (Cisco IOS) */
export const ciscoDateTime = (d: Date): string =>
  `${clockTime(d)} UTC ${dayName(d)} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${d.getUTCFullYear()}`;
/** `01:45:26.123 UTC Fri Nov 27 2026` (Cisco `show clock`) */
export const ciscoClock = (d: Date): string =>
  `${clockTime(d)}.${clockMillis(d)} UTC ${dayName(d)} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${d.getUTCFullYear()}`;
/** `Fri Nov 27 01:45:26.123 UTC` (IOS XR per-command timestamp) */
export const xrTimestamp = (d: Date): string =>
  `${dayName(d)} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${clockTime(d)}.${clockMillis(d)} UTC`;
/** `Fri Nov 27 01:45:26 UTC 2026` (GNU `date`) */
export const gnuDate = (d: Date): string =>
  `${dayName(d)} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${clockTime(d)} UTC ${d.getUTCFullYear()}`;
/** `Tue 31-Mar-20 21:02` (Cisco "Compiled" lines) */
export const ciscoCompiled = (d: Date): string =>
  `${dayName(d)} ${pad(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${pad(d.getUTCFullYear() % 100)} ${clockTime(d).slice(0, 5)}`;

export interface DurationParts {
  years: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** Whole days, not split into weeks or years. */
  totalDays: number;
}

export function durationParts(totalSeconds: number): DurationParts {
  const totalDays = Math.floor(totalSeconds / 86_400);
  const years = Math.floor(totalDays / 365);
  const restDays = totalDays % 365;
  return {
    years,
    weeks: Math.floor(restDays / 7),
    days: restDays % 7,
    hours: Math.floor((totalSeconds % 86_400) / 3600),
    minutes: Math.floor((totalSeconds % 3600) / 60),
    seconds: totalSeconds % 60,
    totalDays,
  };
}

const counted = (value: number, unit: string): string => `${value} ${unit}${value === 1 ? '' : 's'}`;

/** `2 weeks, 3 days, 4 hours, 5 minutes`: leading zero units dropped, as IOS and XR print it. */
export function ciscoUptime(totalSeconds: number): string {
  const p = durationParts(totalSeconds);
  const units: [number, string][] = [
    [p.years, 'year'],
    [p.weeks, 'week'],
    [p.days, 'day'],
    [p.hours, 'hour'],
    [p.minutes, 'minute'],
  ];
  const first = units.findIndex(([value]) => value > 0);
  return units
    .slice(first === -1 ? units.length - 1 : first)
    .map(([value, unit]) => counted(value, unit))
    .join(', ');
}

/** `12 days, 3 hours, 4 minutes` (Huawei VRP). */
export function daysUptime(totalSeconds: number): string {
  const p = durationParts(totalSeconds);
  return `${counted(p.totalDays, 'day')}, ${counted(p.hours, 'hour')}, ${counted(p.minutes, 'minute')}`;
}

/** `2w3d4h5m6s` (RouterOS), zero units dropped. */
export function compactUptime(totalSeconds: number): string {
  const p = durationParts(totalSeconds);
  const weeks = Math.floor(p.totalDays / 7);
  const parts: [number, string][] = [
    [weeks, 'w'],
    [p.totalDays % 7, 'd'],
    [p.hours, 'h'],
    [p.minutes, 'm'],
    [p.seconds, 's'],
  ];
  const text = parts
    .filter(([value]) => value > 0)
    .map(([value, unit]) => `${value}${unit}`)
    .join('');
  return text || '0s';
}

/** `2w2d 03:05` (Junos "ago" durations). */
export function junosAgo(totalSeconds: number): string {
  const p = durationParts(totalSeconds);
  const weeks = Math.floor(p.totalDays / 7);
  const days = p.totalDays % 7;
  const prefix = `${weeks > 0 ? `${weeks}w` : ''}${days > 0 || weeks > 0 ? `${days}d ` : ''}`;
  return `${prefix}${pad(p.hours)}:${pad(p.minutes)}${prefix ? '' : `:${pad(p.seconds)}`}`;
}
