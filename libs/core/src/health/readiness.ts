/** Resolves with `work`, or rejects after `timeoutMs` so a hung dependency cannot hang the probe. */
export function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export type CheckState = 'up' | 'down';

export interface ReadinessReport {
  status: 'ready' | 'not ready';
  checks: Record<string, CheckState>;
  message?: string;
}
