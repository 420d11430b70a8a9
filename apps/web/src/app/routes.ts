/** The console's pages, addressed by the URL's hash (`#/devices/<id>/diff?from=1&to=2`) so any server path serves it. */
export const DEVICE_TABS = ['overview', 'versions', 'config', 'diff', 'telemetry'] as const;
export type DeviceTab = (typeof DEVICE_TABS)[number];

export type Route =
  | { page: 'devices'; query: URLSearchParams }
  | { page: 'device'; deviceId: string; tab: DeviceTab; query: URLSearchParams }
  | { page: 'runs'; query: URLSearchParams }
  | { page: 'run'; runId: string; query: URLSearchParams }
  | { page: 'search'; query: URLSearchParams }
  | { page: 'admin'; query: URLSearchParams }
  | { page: 'not-found'; path: string; query: URLSearchParams };

type QueryInput = Record<string, string | number | undefined | null> | URLSearchParams;

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const mark = text.indexOf('?');
  const path = (mark === -1 ? text : text.slice(0, mark)) || '/devices';
  const query = new URLSearchParams(mark === -1 ? '' : text.slice(mark + 1));
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (first === 'devices' && parts.length === 1) return { page: 'devices', query };
  if (first === 'devices' && second && parts.length <= 3) {
    const tab = (third ?? 'overview') as DeviceTab;
    if (DEVICE_TABS.includes(tab)) return { page: 'device', deviceId: second, tab, query };
  }
  if (first === 'runs' && parts.length === 1) return { page: 'runs', query };
  if (first === 'runs' && second && parts.length === 2) return { page: 'run', runId: second, query };
  if (first === 'search' && parts.length === 1) return { page: 'search', query };
  if (first === 'admin' && parts.length === 1) return { page: 'admin', query };
  return { page: 'not-found', path, query };
}

function withQuery(path: string, query?: QueryInput): string {
  const search = new URLSearchParams();
  const entries = query instanceof URLSearchParams ? [...query.entries()] : Object.entries(query ?? {});
  for (const [key, value] of entries) if (value !== undefined && value !== null && value !== '') search.append(key, String(value));
  const text = search.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

/** Links to every page; what a page reads from its query is what these write. */
export const href = {
  devices: (query?: QueryInput) => withQuery('/devices', query),
  device: (deviceId: string, tab: DeviceTab = 'overview', query?: QueryInput) =>
    withQuery(`/devices/${encodeURIComponent(deviceId)}${tab === 'overview' ? '' : `/${tab}`}`, query),
  runs: (query?: QueryInput) => withQuery('/runs', query),
  run: (runId: string, query?: QueryInput) => withQuery(`/runs/${encodeURIComponent(runId)}`, query),
  search: (query?: QueryInput) => withQuery('/search', query),
  admin: () => withQuery('/admin'),
};

/** The path part of a route's hash, which says which page it is (its query is the page's state). */
export function pageKey(route: Route): string {
  switch (route.page) {
    case 'device':
      // Tabs share the page: a backup in progress keeps running while another tab is open.
      return `device:${route.deviceId}`;
    case 'run':
      return `run:${route.runId}`;
    case 'not-found':
      return `not-found:${route.path}`;
    default:
      return route.page;
  }
}
