import { useEffect, useMemo, useState } from 'react';
import { parseRoute, type Route } from './routes';

export function useHashRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const follow = () => setHash(window.location.hash);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return useMemo(() => parseRoute(hash), [hash]);
}

/** Goes to `target` (an href) as a new history entry. */
export function navigate(target: string): void {
  window.location.hash = target;
}

/** Changes the current page's state in place (filters as they are typed): no history entry per keystroke. */
export function replaceRoute(target: string): void {
  if (window.location.hash === target) return;
  window.history.replaceState(window.history.state, '', target);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
