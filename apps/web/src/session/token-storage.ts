const KEY = 'netkeep.apiToken';

/** The API token, for this browser tab's session only: sessionStorage, never localStorage or a cookie. */
export const tokenStorage = {
  read(): string | null {
    try {
      return sessionStorage.getItem(KEY);
    } catch {
      // Storage disabled by the browser: the user signs in again on every load.
      return null;
    }
  },
  save(token: string): void {
    try {
      sessionStorage.setItem(KEY, token);
    } catch {
      // See read().
    }
  },
  clear(): void {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // See read().
    }
  },
};
