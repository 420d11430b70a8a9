import { appendFileSync } from 'node:fs';
import { printTable } from './bench-table';

/** One figure a benchmark measured, beside the reference it is compared with. */
export interface BenchFigure {
  measure: string;
  value: number;
  unit: string;
  /** The same-run reference and what it is, when this figure has one. */
  reference?: { name: string; value: number };
  /** value ÷ reference, oriented so that higher is better for throughput and lower is better for memory. */
  ratio?: number;
  goal?: string;
  met?: boolean;
}

export interface BenchResult {
  bench: string;
  /** The size it ran at, as its options say (`--devices 1000`). */
  size: string;
  figures: BenchFigure[];
  /** The headline ratio the bench's last line prints. */
  ratio: number;
}

/** Where `npm run bench` collects every benchmark's result (one JSON line each). */
export const BENCH_REPORT_ENV = 'NETKEEP_BENCH_REPORT';

/**
 * Ends a benchmark: its own table (rows as it likes them), the `ratio:` last line, and — under
 * `npm run bench` — its figures as one JSON line for the combined report.
 */
export function reportBench(result: BenchResult, rows: Record<string, string | number>[], extraLines: string[] = []): void {
  printTable(rows);
  for (const line of extraLines) console.log(line);
  console.log(`ratio: ${result.ratio.toFixed(3)}`);
  const file = process.env[BENCH_REPORT_ENV];
  if (file) appendFileSync(file, `${JSON.stringify(result)}\n`);
}
