import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';

export interface ApiQuery<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

export interface ApiQueryOptions<T> {
  /** After each answer, how long until the next load; undefined stops (live views poll only while something runs). */
  refreshMs?: (data: T | undefined) => number | undefined;
  /** Keep showing the previous key's data while the new key loads (paging without a blank table). */
  keepPreviousData?: boolean;
  /** False: load nothing (yet). */
  enabled?: boolean;
}

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, (error as Error)?.message ?? String(error));
}

/** Loads `load` for `key` (the identity of what it asks), again on reload() and while refreshMs says so. */
export function useApiQuery<T>(key: string, load: (signal: AbortSignal) => Promise<T>, options: ApiQueryOptions<T> = {}): ApiQuery<T> {
  const [state, setState] = useState<{ key?: string; data?: T; error?: ApiError; loading: boolean }>({ loading: options.enabled !== false });
  const [generation, setGeneration] = useState(0);
  // The latest closures, so a re-render does not restart a load.
  const loadRef = useRef(load);
  loadRef.current = load;
  const refreshRef = useRef(options.refreshMs);
  refreshRef.current = options.refreshMs;
  const enabled = options.enabled !== false;

  useEffect(() => {
    if (!enabled) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async (): Promise<void> => {
      setState((previous) => ({ ...previous, loading: true }));
      let next: number | undefined;
      try {
        const data = await loadRef.current(controller.signal);
        if (controller.signal.aborted) return;
        setState({ key, data, loading: false });
        next = refreshRef.current?.(data);
      } catch (error) {
        if (controller.signal.aborted) return;
        setState((previous) => ({ ...previous, error: toApiError(error), loading: false }));
        // A live view keeps trying: the platform may be restarting.
        next = refreshRef.current?.(undefined);
      }
      if (next !== undefined) timer = setTimeout(() => void run(), next);
    };
    void run();
    return () => {
      controller.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [key, generation, enabled]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const current = state.key === key || options.keepPreviousData;
  return { data: current ? state.data : undefined, error: state.error, loading: state.loading || (!current && enabled), reload };
}
