import type { DeviceSort, DeviceSortField } from './devices.repository';

/** NetBox-style `?ordering=-name` to a sort; the DTO has already checked the value. */
export function parseDeviceOrdering(ordering: string | undefined): DeviceSort {
  const value = ordering ?? 'name';
  const descending = value.startsWith('-');
  return { field: (descending ? value.slice(1) : value) as DeviceSortField, descending };
}
