import { href } from '../app/routes';
import { replaceRoute } from '../app/use-hash-route';
import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { Pager } from '../shared/Pager';
import { Timestamp } from '../shared/Timestamp';
import { useApiQuery } from '../shared/use-api-query';

const PAGE_SIZE = 25;

/** Every archived version, newest first: when, who, why, what changed, with links to its text and its diff. */
export function VersionsTimeline({ deviceId, query, refreshKey }: { deviceId: string; query: URLSearchParams; refreshKey: number }) {
  const { api } = useSession();
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const versions = useApiQuery(
    `timeline:${deviceId}:${offset}:${refreshKey}`,
    (signal) => api.get('/api/v1/devices/{id}/configs', { path: { id: deviceId }, query: { limit: PAGE_SIZE, offset }, signal }),
    { keepPreviousData: true },
  );
  if (versions.error) return <ErrorNotice error={versions.error} />;
  if (!versions.data) return <p aria-live="polite">Loading versions…</p>;
  if (versions.data.count === 0) return <p>No configuration archived yet: back the device up.</p>;
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      <ol className="timeline">
        {versions.data.results.map((version) => (
          <li key={version.id} className="card">
            <h3>
              r{version.revision} <Timestamp value={version.createdAt} />
            </h3>
            <p>
              by <strong>{version.author.name}</strong>
              {version.author.email && <span className="muted"> &lt;{version.author.email}&gt;</span>} · {version.trigger}
              {version.runId && (
                <>
                  {' '}
                  · <a href={href.run(version.runId)}>run</a>
                </>
              )}{' '}
              · {version.lineCount} lines
            </p>
            {version.summary && <p>{version.summary}</p>}
            <p className="actions">
              <a href={href.device(deviceId, 'config', { version: version.revision })}>View r{version.revision}</a>
              {version.revision > 1 && <a href={href.device(deviceId, 'diff', { from: version.revision - 1, to: version.revision })}>Diff with r{version.revision - 1}</a>}
            </p>
          </li>
        ))}
      </ol>
      <Pager offset={offset} limit={PAGE_SIZE} count={versions.data.count} noun="versions" onOffset={(next) => replaceRoute(href.device(deviceId, 'versions', { offset: next || undefined }))} />
    </section>
  );
}
