import type { BackupStatus, Device } from '../api/types';
import { href } from '../app/routes';
import { BackupStatusCells } from './BackupStatusCells';

export interface DeviceTableProps {
  devices: readonly Device[];
  statuses: ReadonlyMap<string, BackupStatus>;
}

/** One page of devices: a plain table, one row per device, the name linking to the device. */
export function DeviceTable({ devices, statuses }: DeviceTableProps) {
  return (
    <table className="devices">
      <caption className="visually-hidden">Devices and their backup status</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Host</th>
          <th scope="col">Platform</th>
          <th scope="col">Site</th>
          <th scope="col">Role</th>
          <th scope="col">Tags</th>
          <th scope="col">Last backup</th>
          <th scope="col">Last success</th>
          <th scope="col">Last error</th>
          <th scope="col">Last change</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((device) => (
          <tr key={device.id} className={device.enabled ? undefined : 'disabled-row'}>
            <th scope="row">
              <a href={href.device(device.id)}>{device.name}</a>
              {!device.enabled && <span className="muted"> (disabled)</span>}
            </th>
            <td>
              <code>
                {device.host}:{device.port}
              </code>
            </td>
            <td>{device.platform}</td>
            <td>{device.site ?? <span className="muted">—</span>}</td>
            <td>{device.role ?? <span className="muted">—</span>}</td>
            <td>{device.tags.length > 0 ? device.tags.join(', ') : <span className="muted">—</span>}</td>
            <BackupStatusCells status={statuses.get(device.id)} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
