import { useCallback, useState } from 'react';
import type { ApiError } from '../api/api-error';
import { toApiError } from './use-api-query';

export interface ApiAction {
  /** Runs `action`; resolves with its result, or undefined after a failure (then in `error`). */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  clearError(): void;
}

/** A write from a button or form: pending while it runs, the API's error when it fails. */
export function useApiAction(): ApiAction {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setPending(true);
    setError(undefined);
    try {
      return await action();
    } catch (failure) {
      setError(toApiError(failure));
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  const clearError = useCallback(() => setError(undefined), []);
  return { run, pending, error, clearError };
}
