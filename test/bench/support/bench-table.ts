/** Bounded-concurrency map that measures wall time: the unit every benchmark reports in. */
export async function timedPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<{ seconds: number; failures: number }> {
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      await work(item).catch(() => failures++);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return { seconds: (performance.now() - started) / 1000, failures };
}

export function printTable(rows: Record<string, string | number>[]): void {
  const columns = Object.keys(rows[0] ?? {});
  const width = (column: string) => Math.max(column.length, ...rows.map((row) => String(row[column]).length));
  const line = (values: (string | number)[]) => values.map((value, i) => String(value).padEnd(width(columns[i]))).join('  ');
  console.log(line(columns));
  for (const row of rows) console.log(line(columns.map((column) => row[column])));
}
