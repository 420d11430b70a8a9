import type { DestinationStream } from 'pino';

export interface LogCapture {
  /** Pass to `createLogger(config, capture.destination)`. */
  destination: DestinationStream;
  /** Every raw line written so far. */
  lines: string[];
  /** Every line parsed as JSON. */
  records(): Record<string, unknown>[];
  /** All lines joined, for `not.toContain(secret)` checks. */
  text(): string;
}

export function createLogCapture(): LogCapture {
  const lines: string[] = [];
  return {
    destination: { write: (line: string) => void lines.push(line) },
    lines,
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => lines.join(''),
  };
}
