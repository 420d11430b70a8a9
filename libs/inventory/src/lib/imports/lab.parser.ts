import { fileProblem, type ImportRow } from './import-row';
import { asInteger, asText, assignDefined, isRecord } from './source-values';
import { loadDocument } from './yaml-document';

/** Tag every lab device carries, so `?tag=lab` finds (and an export separates) simulated devices. */
export const LAB_TAG = 'lab';

/**
 * The device lab's inventory file (`npm run lab -- --inventory <file>`):
 * `{generatedAt, lab: {control}, devices: [{name, host, port, platform, username, password, enableSecret?, faults}]}`.
 * Each distinct username/password/enable secret becomes one credential (`lab-<username>-<n>`);
 * a device's SNMP agent is imported as v2c with its community (the cheaper poll).
 */
export function parseLabInventory(content: unknown): ImportRow[] {
  const document = loadDocument(content);
  if (!isRecord(document) || !Array.isArray(document['devices'])) {
    throw fileProblem('a lab inventory is a JSON object with a "devices" list (the file `npm run lab` writes)');
  }
  if (document['devices'].length === 0) throw fileProblem('the lab inventory lists no devices');
  return document['devices'].map((entry: unknown, index) => {
    const position = index + 1;
    if (!isRecord(entry)) throw fileProblem(`device ${position} must be an object`, position);
    const name = typeof entry['name'] === 'string' ? entry['name'] : null;
    const device: Record<string, unknown> = {};
    assignDefined(device, {
      name: entry['name'],
      host: entry['host'],
      port: asInteger(entry['port']),
      platform: entry['platform'],
      tags: [LAB_TAG],
      snmp: labSnmp(entry['snmp']),
    });
    return {
      row: position,
      name,
      device,
      credential: {
        kind: 'inline',
        username: asText(entry['username']),
        ...(entry['password'] === undefined ? {} : { password: asText(entry['password']) }),
        ...(entry['enableSecret'] === undefined || entry['enableSecret'] === null ? {} : { enableSecret: asText(entry['enableSecret']) }),
        namePrefix: 'lab',
      },
    };
  });
}

/** The lab's `snmp: {port, community, v3}` as the device's SNMP settings; absent when the lab lists none. */
function labSnmp(snmp: unknown): Record<string, unknown> | undefined {
  if (!isRecord(snmp)) return undefined;
  return { version: '2c', port: asInteger(snmp['port']), community: asText(snmp['community']) };
}
