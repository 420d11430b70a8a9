import { useEffect, useRef, useState } from 'react';
import type { Site } from '../api/types';
import { ORDERINGS, PAGE_SIZES, type DeviceFilters } from './device-filters';

/** Typing settles this long before the list is asked again. */
const TYPING_PAUSE_MS = 300;

type TextField = 'q' | 'platform' | 'role' | 'tags';

export interface DeviceFilterFormProps {
  filters: DeviceFilters;
  sites: readonly Site[];
  onChange(filters: DeviceFilters): void;
}

/** Free text, platform, site, role, tags, enabled, order and page size; any change goes back to the first page. */
export function DeviceFilterForm({ filters, sites, onChange }: DeviceFilterFormProps) {
  const [text, setText] = useState<Record<TextField, string>>(() => textOf(filters));
  // What this form last put in the URL: when it comes back as `filters`, the fields already show it (and may hold newer keystrokes).
  const pushed = useRef(textOf(filters));

  // A link or Back changed the filters: show them.
  useEffect(() => {
    const incoming = textOf(filters);
    if (sameText(incoming, pushed.current)) return;
    pushed.current = incoming;
    setText(incoming);
  }, [filters.q, filters.platform, filters.role, filters.tags]);

  const push = (next: Record<TextField, string>) => {
    pushed.current = next;
    onChange({ ...filters, ...next, offset: 0 });
  };

  useEffect(() => {
    if (sameText(text, textOf(filters))) return undefined;
    const timer = setTimeout(() => push(text), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  const textInput = (field: TextField, label: string, placeholder: string) => (
    <div className="field">
      <label htmlFor={`filter-${field}`}>{label}</label>
      <input
        id={`filter-${field}`}
        type={field === 'q' ? 'search' : 'text'}
        value={text[field]}
        placeholder={placeholder}
        onChange={(event) => setText((previous) => ({ ...previous, [field]: event.target.value }))}
        onKeyDown={(event) => {
          if (event.key === 'Enter') push(text);
        }}
      />
    </div>
  );

  return (
    <form className="filters" role="search" aria-label="Filter devices" onSubmit={(event) => event.preventDefault()}>
      {textInput('q', 'Search', 'name, host or notes')}
      {textInput('platform', 'Platform', 'ios, junos…')}
      <div className="field">
        <label htmlFor="filter-site">Site</label>
        <select id="filter-site" value={filters.site} onChange={(event) => onChange({ ...filters, site: event.target.value, offset: 0 })}>
          <option value="">Any site</option>
          {sites.map((site) => (
            <option key={site.id} value={site.name}>
              {site.name} ({site.deviceCount})
            </option>
          ))}
        </select>
      </div>
      {textInput('role', 'Role', 'core, access…')}
      {textInput('tags', 'Tags', 'core, lab (all of them)')}
      <div className="field">
        <label htmlFor="filter-enabled">State</label>
        <select id="filter-enabled" value={filters.enabled} onChange={(event) => onChange({ ...filters, enabled: event.target.value as DeviceFilters['enabled'], offset: 0 })}>
          <option value="">Enabled and disabled</option>
          <option value="true">Enabled</option>
          <option value="false">Disabled</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-ordering">Order by</label>
        <select id="filter-ordering" value={filters.ordering} onChange={(event) => onChange({ ...filters, ordering: event.target.value as DeviceFilters['ordering'], offset: 0 })}>
          {ORDERINGS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-limit">Per page</label>
        <select id="filter-limit" value={filters.limit} onChange={(event) => onChange({ ...filters, limit: Number(event.target.value), offset: 0 })}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function textOf(filters: DeviceFilters): Record<TextField, string> {
  return { q: filters.q, platform: filters.platform, role: filters.role, tags: filters.tags };
}

function sameText(a: Record<TextField, string>, b: Record<TextField, string>): boolean {
  return a.q === b.q && a.platform === b.platform && a.role === b.role && a.tags === b.tags;
}
