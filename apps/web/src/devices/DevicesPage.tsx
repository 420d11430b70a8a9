import { useCallback, useMemo, useState } from 'react';
import { href, parseRoute } from '../app/routes';
import { navigate, replaceRoute } from '../app/use-hash-route';
import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { PageHeading } from '../shared/PageHeading';
import { Pager } from '../shared/Pager';
import { useApiAction } from '../shared/use-api-action';
import { useApiQuery } from '../shared/use-api-query';
import { DeviceFilterForm } from './DeviceFilterForm';
import { filtersFrom, hasFilters, listQueryOf, queryOf, tagsOf, type DeviceFilters } from './device-filters';
import { DeviceTable } from './DeviceTable';
import { useBackupStatuses } from './use-backup-statuses';

/** Every device, a page at a time from the API, filtered and searched through the URL. */
export function DevicesPage({ query }: { query: URLSearchParams }) {
  const { api, can } = useSession();
  const filters = useMemo(() => filtersFrom(query), [query]);
  const listQuery = useMemo(() => listQueryOf(filters), [filters]);
  const [statusRefresh, setStatusRefresh] = useState(0);

  const sites = useApiQuery('sites', (signal) => api.get('/api/v1/sites', { query: { limit: 1000, ordering: 'name' }, signal }));
  const devices = useApiQuery(JSON.stringify(listQuery), (signal) => api.get('/api/v1/devices', { query: listQuery, signal }), { keepPreviousData: true });
  const deviceIds = useMemo(() => (devices.data?.results ?? []).map((device) => device.id), [devices.data]);
  const statuses = useBackupStatuses(api, deviceIds, statusRefresh);
  const backup = useApiAction();

  const change = useCallback((next: DeviceFilters) => {
    // Typing that settles after a click on a device must not pull the reader back to the list.
    if (parseRoute(window.location.hash).page === 'devices') replaceRoute(href.devices(queryOf(next)));
  }, []);

  const refresh = () => {
    devices.reload();
    setStatusRefresh((value) => value + 1);
  };

  const backUpMatching = async () => {
    const selector = {
      q: filters.q || undefined,
      site: filters.site || undefined,
      platform: filters.platform || undefined,
      role: filters.role || undefined,
      tags: tagsOf(filters).length > 0 ? tagsOf(filters) : undefined,
      enabled: filters.enabled === '' ? undefined : filters.enabled === 'true',
    };
    const run = await backup.run(() => api.post('/api/v1/backups', { body: { selector } }));
    if (run) navigate(href.run(run.id));
  };

  const count = devices.data?.count ?? 0;
  return (
    <>
      <PageHeading>Devices</PageHeading>
      <DeviceFilterForm filters={filters} sites={sites.data?.results ?? []} onChange={change} />
      <div className="toolbar">
        <button type="button" onClick={refresh}>
          Refresh
        </button>
        {can.operate && (
          <button type="button" onClick={backUpMatching} disabled={backup.pending || count === 0}>
            {hasFilters(filters) ? `Back up the ${count} matching devices` : 'Back up every enabled device'}
          </button>
        )}
        {devices.loading && <span className="muted" aria-live="polite">Loading…</span>}
      </div>
      <ErrorNotice error={backup.error} title="Backup not started" />
      <ErrorNotice error={devices.error} />
      <ErrorNotice error={sites.error} title="Sites" />
      {devices.data && devices.data.results.length === 0 && (
        <p>{hasFilters(filters) ? 'No device matches these filters.' : 'No devices yet: add them through the API (POST /api/v1/devices or /devices/import).'}</p>
      )}
      {devices.data && devices.data.results.length > 0 && (
        <>
          <DeviceTable devices={devices.data.results} statuses={statuses} />
          <Pager offset={filters.offset} limit={filters.limit} count={count} noun="devices" onOffset={(offset) => change({ ...filters, offset })} />
        </>
      )}
    </>
  );
}
