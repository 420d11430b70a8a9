import type { paths } from '../api/schema';

type DeviceListQuery = NonNullable<paths['/api/v1/devices']['get']['parameters']['query']>;

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** The device list's filters as the page's URL holds them (`#/devices?platform=ios&tag=core&offset=50`). */
export interface DeviceFilters {
  q: string;
  site: string;
  platform: string;
  role: string;
  /** Comma-separated in the form; every tag must match. */
  tags: string;
  enabled: '' | 'true' | 'false';
  ordering: NonNullable<DeviceListQuery['ordering']>;
  offset: number;
  limit: number;
}

export const ORDERINGS: { value: DeviceFilters['ordering']; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'site', label: 'Site' },
  { value: 'platform', label: 'Platform' },
  { value: 'role', label: 'Role' },
  { value: '-updatedAt', label: 'Recently updated' },
  { value: '-createdAt', label: 'Recently added' },
];

export function filtersFrom(query: URLSearchParams): DeviceFilters {
  const number = (name: string, fallback: number) => {
    const value = Number(query.get(name));
    return Number.isInteger(value) && value >= 0 ? value : fallback;
  };
  const enabled = query.get('enabled');
  const ordering = query.get('ordering');
  const limit = number('limit', DEFAULT_PAGE_SIZE);
  return {
    q: query.get('q') ?? '',
    site: query.get('site') ?? '',
    platform: query.get('platform') ?? '',
    role: query.get('role') ?? '',
    tags: query.get('tags') ?? '',
    enabled: enabled === 'true' || enabled === 'false' ? enabled : '',
    ordering: ORDERINGS.some((option) => option.value === ordering) ? (ordering as DeviceFilters['ordering']) : 'name',
    offset: number('offset', 0),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE,
  };
}

/** The URL query for `filters`, defaults left out. */
export function queryOf(filters: DeviceFilters): Record<string, string | number | undefined> {
  return {
    q: filters.q || undefined,
    site: filters.site || undefined,
    platform: filters.platform || undefined,
    role: filters.role || undefined,
    tags: filters.tags || undefined,
    enabled: filters.enabled || undefined,
    ordering: filters.ordering === 'name' ? undefined : filters.ordering,
    offset: filters.offset || undefined,
    limit: filters.limit === DEFAULT_PAGE_SIZE ? undefined : filters.limit,
  };
}

export function tagsOf(filters: DeviceFilters): string[] {
  return filters.tags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** The same filters as the API's list query. */
export function listQueryOf(filters: DeviceFilters): DeviceListQuery {
  return {
    q: filters.q || undefined,
    site: filters.site || undefined,
    platform: filters.platform || undefined,
    role: filters.role || undefined,
    tag: tagsOf(filters),
    enabled: filters.enabled === '' ? undefined : filters.enabled === 'true',
    ordering: filters.ordering,
    limit: filters.limit,
    offset: filters.offset,
  };
}

export function hasFilters(filters: DeviceFilters): boolean {
  return Boolean(filters.q || filters.site || filters.platform || filters.role || filters.tags || filters.enabled);
}
