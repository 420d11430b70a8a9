import { href } from '../app/routes';
import { replaceRoute } from '../app/use-hash-route';
import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { countOf } from '../shared/format';
import { useApiQuery } from '../shared/use-api-query';
import { SectionDiff } from './SectionDiff';
import { SideBySideDiff } from './SideBySideDiff';
import { useVersions, versionLabel } from './use-versions';

type DiffView = 'side-by-side' | 'sections';

/** The difference between any two versions (`?from=1&to=3`), side by side or grouped by configuration section. */
export function DiffPanel({ deviceId, query }: { deviceId: string; query: URLSearchParams }) {
  const { api } = useSession();
  const versions = useVersions(api, deviceId);
  const list = versions.data?.results ?? [];
  const view: DiffView = query.get('view') === 'sections' ? 'sections' : 'side-by-side';
  // Newest first: by default the latest version against the one before it.
  const to = query.get('to') ?? (list[0] ? String(list[0].revision) : undefined);
  const from = query.get('from') ?? (list[1] ? String(list[1].revision) : undefined);
  const ready = from !== undefined && to !== undefined;

  const diff = useApiQuery(
    `diff:${deviceId}:${from}:${to}:${view}`,
    (signal) => api.get('/api/v1/devices/{id}/configs/diff', { path: { id: deviceId }, query: { from: from ?? '', to, format: view === 'sections' ? 'sections' : 'unified' }, signal }),
    { enabled: ready },
  );

  const change = (next: Partial<{ from: string; to: string; view: DiffView }>) => {
    const target = { from, to, view, ...next };
    replaceRoute(href.device(deviceId, 'diff', { from: target.from, to: target.to, view: target.view === 'sections' ? 'sections' : undefined }));
  };

  if (versions.error) return <ErrorNotice error={versions.error} />;
  if (!versions.data) return <p aria-live="polite">Loading versions…</p>;
  if (list.length < 2) {
    return <p>This device has {list.length === 0 ? 'no version yet' : 'one version so far'}: a diff needs two. Back it up again after its configuration changes.</p>;
  }

  const picker = (id: string, label: string, value: string | undefined, onPick: (revision: string) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onPick(event.target.value)}>
        {list.map((version) => (
          <option key={version.id} value={String(version.revision)}>
            {versionLabel(version)} by {version.author.name}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section aria-labelledby="diff-heading">
      <h2 id="diff-heading">Difference</h2>
      <div className="toolbar">
        {picker('diff-from', 'From (old)', from, (revision) => change({ from: revision }))}
        {picker('diff-to', 'To (new)', to, (revision) => change({ to: revision }))}
        <div className="segmented" role="group" aria-label="Show the difference">
          <button type="button" aria-pressed={view === 'side-by-side'} onClick={() => change({ view: 'side-by-side' })}>
            Side by side
          </button>
          <button type="button" aria-pressed={view === 'sections'} onClick={() => change({ view: 'sections' })}>
            By section
          </button>
        </div>
      </div>
      <ErrorNotice error={diff.error} />
      {diff.loading && <p aria-live="polite">Loading the difference…</p>}
      {diff.data && (
        <>
          <p className="muted">
            {diff.data.from.deviceName}: r{diff.data.from.revision} → r{diff.data.to.revision}
            {diff.data.linesAdded !== undefined && ` · ${countOf(diff.data.linesAdded, 'line')} added, ${diff.data.linesRemoved ?? 0} removed`}
          </p>
          {view === 'sections' ? (
            <SectionDiff sections={diff.data.sections ?? []} />
          ) : (
            <SideBySideDiff patch={diff.data.patch ?? ''} fromLabel={`r${diff.data.from.revision}`} toLabel={`r${diff.data.to.revision}`} />
          )}
        </>
      )}
    </section>
  );
}
