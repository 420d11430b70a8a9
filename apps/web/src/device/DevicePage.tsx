import { useState } from 'react';
import { DEVICE_TABS, href, type DeviceTab } from '../app/routes';
import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { PageHeading } from '../shared/PageHeading';
import { StatusBadge } from '../shared/StatusBadge';
import { useApiQuery } from '../shared/use-api-query';
import { TelemetryPanel } from '../telemetry/TelemetryPanel';
import { BackupNow } from './BackupNow';
import { ConfigViewer } from './ConfigViewer';
import { DeviceOverview } from './DeviceOverview';
import { DiffPanel } from './DiffPanel';
import { HostKeyCard } from './HostKeyCard';
import { VersionsTimeline } from './VersionsTimeline';

const TAB_LABELS: Record<DeviceTab, string> = { overview: 'Overview', versions: 'Versions', config: 'Configuration', diff: 'Diff', telemetry: 'Telemetry' };

/** One device: its facts and backup status, versions, configuration, diffs and telemetry, one tab each (each its own URL). */
export function DevicePage({ deviceId, tab, query }: { deviceId: string; tab: DeviceTab; query: URLSearchParams }) {
  const { api, can } = useSession();
  // A finished backup refreshes what it may have changed.
  const [backups, setBackups] = useState(0);
  const device = useApiQuery(`device:${deviceId}:${backups}`, (signal) => api.get('/api/v1/devices/{id}', { path: { id: deviceId }, signal }), { keepPreviousData: true });
  const status = useApiQuery(`backup-status:${deviceId}:${backups}`, (signal) => api.get('/api/v1/devices/{id}/backup-status', { path: { id: deviceId }, signal }), {
    keepPreviousData: true,
  });

  if (device.error && !device.data) {
    return (
      <>
        <PageHeading>Device</PageHeading>
        <ErrorNotice error={device.error} />
        <p>
          <a href={href.devices()}>Back to the devices</a>
        </p>
      </>
    );
  }
  if (!device.data) return <p aria-live="polite">Loading the device…</p>;
  const current = device.data;

  return (
    <>
      <p className="breadcrumbs">
        <a href={href.devices()}>Devices</a> /
      </p>
      <div className="device-header">
        <PageHeading>{current.name}</PageHeading>
        <span className="muted">
          {current.platform} · {current.host}
        </span>
        {!current.enabled && <StatusBadge status="disabled" />}
        {can.operate && current.enabled && <BackupNow deviceId={deviceId} onFinished={() => setBackups((value) => value + 1)} />}
      </div>
      <nav className="tabs" aria-label={`${current.name} views`}>
        <ul>
          {DEVICE_TABS.map((entry) => (
            <li key={entry}>
              <a href={href.device(deviceId, entry)} aria-current={entry === tab ? 'page' : undefined}>
                {TAB_LABELS[entry]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'overview' && (
        <DeviceOverview device={current} status={status.data}>
          <HostKeyCard deviceId={deviceId} refreshKey={backups} />
        </DeviceOverview>
      )}
      {tab === 'versions' && <VersionsTimeline deviceId={deviceId} query={query} refreshKey={backups} />}
      {tab === 'config' && <ConfigViewer key={backups} deviceId={deviceId} query={query} />}
      {tab === 'diff' && <DiffPanel key={backups} deviceId={deviceId} query={query} />}
      {tab === 'telemetry' && <TelemetryPanel deviceId={deviceId} />}
    </>
  );
}
