import { useMemo, useState, type FormEvent } from 'react';
import type { ConfigSearchMatch } from '../api/types';
import { href } from '../app/routes';
import { replaceRoute } from '../app/use-hash-route';
import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { countOf } from '../shared/format';
import { PageHeading } from '../shared/PageHeading';
import { useApiQuery } from '../shared/use-api-query';

const LIMIT = 500;

/** A regular expression over every device's latest configuration; each matching line links into the viewer at that line. */
export function SearchPage({ query }: { query: URLSearchParams }) {
  const { api } = useSession();
  const pattern = query.get('pattern') ?? '';
  const ignoreCase = query.get('flags')?.includes('i') ?? false;
  const [draft, setDraft] = useState({ pattern, ignoreCase });

  const search = useApiQuery(
    `search:${pattern}:${ignoreCase}`,
    (signal) => api.get('/api/v1/configs/search', { query: { pattern, flags: ignoreCase ? 'i' : undefined, limit: LIMIT }, signal }),
    { enabled: pattern !== '' },
  );
  const byDevice = useMemo(() => groupByDevice(search.data?.matches ?? []), [search.data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    replaceRoute(href.search({ pattern: draft.pattern, flags: draft.ignoreCase ? 'i' : undefined }));
  };

  return (
    <>
      <PageHeading>Search configurations</PageHeading>
      <form className="toolbar" role="search" onSubmit={submit}>
        <div className="field grow">
          <label htmlFor="search-pattern">Regular expression</label>
          <input
            id="search-pattern"
            type="search"
            value={draft.pattern}
            onChange={(event) => setDraft({ ...draft, pattern: event.target.value })}
            placeholder="snmp-server community|ntp server 10\."
            spellCheck={false}
            required
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={draft.ignoreCase} onChange={(event) => setDraft({ ...draft, ignoreCase: event.target.checked })} /> Ignore case
        </label>
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      <ErrorNotice error={search.error} />
      {search.loading && <p aria-live="polite">Searching…</p>}
      {search.data && (
        <p role="status">
          {countOf(search.data.matches.length, 'matching line')} on {countOf(byDevice.length, 'device')}, of {search.data.devicesSearched} searched
          {search.data.truncated && ` (the first ${LIMIT}: narrow the expression to see the rest)`}.
        </p>
      )}
      {byDevice.map(([deviceId, matches]) => (
        <section key={deviceId} className="card search-device" aria-labelledby={`search-${deviceId}`}>
          <h2 id={`search-${deviceId}`}>
            <a href={href.device(deviceId)}>{matches[0]?.deviceName}</a> <span className="muted">{countOf(matches.length, 'line')}</span>
          </h2>
          <ul className="search-matches">
            {matches.map((match) => (
              <li key={match.lineNumber}>
                <a href={href.device(deviceId, 'config', { line: match.lineNumber, find: pattern, regex: 1 })} aria-label={`${match.deviceName} line ${match.lineNumber}`}>
                  <span className="line-number">{match.lineNumber}</span>
                </a>
                <code>{match.line}</code>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function groupByDevice(matches: readonly ConfigSearchMatch[]): [string, ConfigSearchMatch[]][] {
  const groups = new Map<string, ConfigSearchMatch[]>();
  for (const match of matches) groups.set(match.deviceId, [...(groups.get(match.deviceId) ?? []), match]);
  return [...groups.entries()];
}
