import { Worker } from 'node:worker_threads';
import { SearchTimeoutError } from './search-errors';
import { validateSearchPattern } from './search-pattern';
import { SEARCH_WORKER_SOURCE } from './search-worker.source';

export interface SearchMatch {
  deviceId: string;
  deviceName: string;
  /** 1-based. */
  lineNumber: number;
  line: string;
}

export interface SearchResult {
  matches: SearchMatch[];
  /** More lines matched than `limit`. */
  truncated: boolean;
  devicesSearched: number;
}

export interface SearchOptions {
  /** `i`, `m`, `s`, `u`. */
  flags?: string;
  limit?: number;
  /** Only these devices. */
  deviceIds?: readonly string[];
  /** Overrides the search's time budget (at most the configured one). */
  timeoutMs?: number;
}

export interface SearchDocument {
  deviceId: string;
  deviceName: string;
  content: string;
}

/** The next batch of configurations after the last one given (undefined: from the start); empty when done. */
export type SearchDocumentSource = (after: SearchDocument | undefined, size: number) => Promise<SearchDocument[]>;

export interface SearchLimits {
  timeoutMs: number;
  maxResults: number;
  /** Configurations handed to the worker at a time: bounds memory, not time. */
  batchSize: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = { timeoutMs: 5_000, maxResults: 1_000, batchSize: 200 };

interface WorkerAnswer {
  matches: SearchMatch[];
  full: boolean;
}

/**
 * A regular expression over every configuration the source yields, line by line, with a hard
 * time budget. JavaScript cannot interrupt a regex, so the scan runs in a worker thread that is
 * terminated when the budget runs out (`(a+)+$` on a long line would otherwise hang the process).
 */
export async function searchConfigurations(source: SearchDocumentSource, pattern: string, options: SearchOptions, limits: SearchLimits): Promise<SearchResult> {
  const flags = options.flags ?? '';
  validateSearchPattern(pattern, flags);
  const limit = Math.max(1, Math.min(options.limit ?? limits.maxResults, limits.maxResults));
  const timeoutMs = Math.max(1, Math.min(options.timeoutMs ?? limits.timeoutMs, limits.timeoutMs));

  const worker = new Worker(SEARCH_WORKER_SOURCE, { eval: true, workerData: { pattern, flags } });
  worker.unref();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SearchTimeoutError(timeoutMs)), timeoutMs);
  });
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`search worker stopped (exit code ${code})`)));
  });
  // Whichever loses the race must not surface as an unhandled rejection.
  expired.catch(() => undefined);
  failed.catch(() => undefined);

  const scan = async (): Promise<SearchResult> => {
    const matches: SearchMatch[] = [];
    let devicesSearched = 0;
    let after: SearchDocument | undefined;
    for (;;) {
      const documents = await source(after, limits.batchSize);
      if (documents.length === 0) break;
      devicesSearched += documents.length;
      const answer = new Promise<WorkerAnswer>((resolve) => worker.once('message', resolve));
      // One match more than asked says whether the result is truncated.
      worker.postMessage({ documents, limit: limit + 1 - matches.length });
      const { matches: found, full } = await answer;
      matches.push(...found);
      if (full) break;
      after = documents[documents.length - 1];
    }
    return { matches: matches.slice(0, limit), truncated: matches.length > limit, devicesSearched };
  };

  const scanning = scan();
  scanning.catch(() => undefined);
  try {
    return await Promise.race([scanning, expired, failed]);
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
