import type { DeviceFacts } from '../platform-definition';

/** The first capture group of `pattern` in `text`, trimmed; undefined when absent or empty. */
export function captured(text: string | undefined, pattern: RegExp): string | undefined {
  const value = text === undefined ? undefined : pattern.exec(text)?.[1]?.trim();
  return value === '' ? undefined : value;
}

/** Facts holding only the fields that were found: a missing value is absent, not `undefined`. */
export function deviceFacts(vendor: string, found: Omit<DeviceFacts, 'vendor'>): DeviceFacts {
  return { vendor, ...Object.fromEntries(Object.entries(found).filter(([, value]) => value !== undefined)) };
}
