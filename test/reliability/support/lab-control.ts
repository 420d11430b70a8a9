import type { LabFault } from '@netkeep/device-lab';
import type { LabProcess } from '@netkeep/testing';

/** What the lab's `GET /sessions` reports: SSH connections from TCP accept until the socket closes. */
export interface OpenLabSessions {
  open: number;
  byDevice: Record<string, number>;
}

async function control<T>(lab: LabProcess, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${lab.control}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`lab ${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Replaces a device's faults now; sessions opened afterwards (and output printed afterwards) behave accordingly. */
export async function setLabFaults(lab: LabProcess, device: string, faults: readonly LabFault[]): Promise<void> {
  await control(lab, 'PUT', `/devices/${encodeURIComponent(device)}/faults`, { faults });
}

/** Gives the device a new SSH host key, as a replaced or re-imaged router has; returns its fingerprint. */
export async function rotateLabHostKey(lab: LabProcess, device: string): Promise<string> {
  return (await control<{ hostKeyFingerprint: string }>(lab, 'POST', `/devices/${encodeURIComponent(device)}/host-key/rotate`)).hostKeyFingerprint;
}

export function openLabSessions(lab: LabProcess): Promise<OpenLabSessions> {
  return control<OpenLabSessions>(lab, 'GET', '/sessions');
}
