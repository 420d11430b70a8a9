import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { href } from '../app/routes';
import { replaceRoute } from '../app/use-hash-route';
import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { countOf } from '../shared/format';
import { useApiQuery } from '../shared/use-api-query';
import { compileFind, type MatchRanges } from './config-find';
import { ConfigLine } from './ConfigLine';
import { useVersions, versionLabel } from './use-versions';

const NO_MATCHES: MatchRanges = [];

/** One version's configuration (`?version=3`, latest by default) with line numbers and a find box; `?line=` and `?find=` come from search results. */
export function ConfigViewer({ deviceId, query }: { deviceId: string; query: URLSearchParams }) {
  const { api } = useSession();
  const version = query.get('version') ?? 'latest';
  const linkedLine = Number(query.get('line')) || undefined;
  const [find, setFind] = useState({ text: query.get('find') ?? '', regex: query.get('regex') === '1' });
  const [currentLine, setCurrentLine] = useState<number | undefined>(linkedLine);

  const versions = useVersions(api, deviceId);
  const content = useApiQuery(`config:${deviceId}:${version}`, (signal) => api.get('/api/v1/devices/{id}/configs/{version}', { path: { id: deviceId, version }, signal }));
  const lines = useMemo(() => {
    const text = content.data?.content ?? '';
    const split = text.split('\n');
    return text.endsWith('\n') ? split.slice(0, -1) : split;
  }, [content.data]);

  const finder = useMemo(() => compileFind(find), [find]);
  const matches = useMemo(() => (finder && 'match' in finder ? lines.map((line) => finder.match(line)) : undefined), [finder, lines]);
  const matchLines = useMemo(() => (matches ? matches.flatMap((ranges, index) => (ranges.length > 0 ? [index + 1] : [])) : []), [matches]);

  useEffect(() => {
    if (currentLine === undefined || lines.length === 0) return;
    document.getElementById(`L${currentLine}`)?.scrollIntoView?.({ block: 'center' });
  }, [currentLine, lines]);

  const step = (direction: 1 | -1) => {
    if (matchLines.length === 0) return;
    const from = currentLine ?? 0;
    const next = direction === 1 ? (matchLines.find((line) => line > from) ?? matchLines[0]) : ([...matchLines].reverse().find((line) => line < from) ?? matchLines[matchLines.length - 1]);
    setCurrentLine(next);
  };

  const onFindKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    step(event.shiftKey ? -1 : 1);
  };

  const shown = content.data?.version;
  return (
    <section aria-labelledby="config-heading">
      <h2 id="config-heading">Configuration{shown ? ` r${shown.revision}` : ''}</h2>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="config-version">Version</label>
          <select id="config-version" value={version} onChange={(event) => replaceRoute(href.device(deviceId, 'config', { version: event.target.value === 'latest' ? undefined : event.target.value }))}>
            <option value="latest">Latest</option>
            {(versions.data?.results ?? []).map((entry) => (
              <option key={entry.id} value={String(entry.revision)}>
                {versionLabel(entry)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="config-find">Find in this configuration</label>
          <input id="config-find" type="search" value={find.text} onChange={(event) => setFind({ ...find, text: event.target.value })} onKeyDown={onFindKey} aria-describedby="config-find-result" />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={find.regex} onChange={(event) => setFind({ ...find, regex: event.target.checked })} /> Regular expression
        </label>
        <button type="button" onClick={() => step(-1)} disabled={matchLines.length === 0}>
          Previous match
        </button>
        <button type="button" onClick={() => step(1)} disabled={matchLines.length === 0}>
          Next match
        </button>
        <span id="config-find-result" aria-live="polite" className="muted">
          {finder && 'problem' in finder ? `Not a valid regular expression: ${finder.problem}` : find.text ? countOf(matchLines.length, 'matching line') : ''}
        </span>
      </div>
      <ErrorNotice error={content.error} />
      {shown && (
        <p className="muted">
          {shown.lineCount} lines · backed up {new Date(shown.createdAt).toLocaleString()} by {shown.author.name} ({shown.trigger})
        </p>
      )}
      {content.data && (
        <div className="config-view" role="region" aria-label={`Configuration r${shown?.revision}`} tabIndex={0}>
          {lines.map((line, index) => (
            <ConfigLine key={index} number={index + 1} text={line} matches={matches?.[index] ?? NO_MATCHES} current={currentLine === index + 1} />
          ))}
        </div>
      )}
    </section>
  );
}
