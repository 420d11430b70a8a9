import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InventoryTestApp, type Caller, type StoreSnapshot } from './testing/inventory-test-app';
import { ALL_SECRETS, SECRETS } from './testing/test-secrets';

const fixture = (name: string) => readFileSync(join(__dirname, 'imports', 'fixtures', name), 'utf8');

interface Seeded {
  deviceId: string;
  siteId: string;
  credentialId: string;
}

interface BadRequest {
  name: string;
  method: string;
  path: string | ((seeded: Seeded) => string);
  body?: unknown;
  contentType?: string;
  as?: Caller;
  status: number;
  /** A substring of the response's message. */
  message: string;
}

const DEVICE = { name: 'new-01', host: '192.0.2.10', platform: 'ios' };
const device = (fields: Record<string, unknown>) => ({ ...DEVICE, ...fields });
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const HUGE = 'x'.repeat(6 * 1024 * 1024);

const CASES: BadRequest[] = [
  // Device bodies: types, required fields, unknown fields.
  { name: 'name of the wrong type', method: 'POST', path: '/api/v1/devices', body: device({ name: 42 }), status: 400, message: 'name must be a string' },
  { name: 'missing name', method: 'POST', path: '/api/v1/devices', body: { host: '192.0.2.10', platform: 'ios' }, status: 400, message: 'name is required' },
  { name: 'missing host and platform', method: 'POST', path: '/api/v1/devices', body: { name: 'x' }, status: 400, message: 'host is required' },
  { name: 'unknown field', method: 'POST', path: '/api/v1/devices', body: device({ password: SECRETS.password }), status: 400, message: 'property password should not exist' },
  { name: 'facts are not writable', method: 'POST', path: '/api/v1/devices', body: device({ facts: { model: 'x' } }), status: 400, message: 'property facts should not exist' },
  { name: 'body is an array', method: 'POST', path: '/api/v1/devices', body: [DEVICE], status: 400, message: 'the body must be a JSON object' },
  { name: 'body is malformed JSON', method: 'POST', path: '/api/v1/devices', body: '{"name": "x",', contentType: 'application/json', status: 400, message: 'Malformed JSON body' },
  { name: 'huge body', method: 'POST', path: '/api/v1/devices', body: device({ notes: HUGE }), status: 413, message: 'larger than the 5 MB limit' },
  { name: 'body of an unsupported type', method: 'POST', path: '/api/v1/devices', body: '<device/>', contentType: 'application/xml', status: 415, message: 'Unsupported Content-Type' },
  // Names: they become file names later.
  { name: 'path-traversal name', method: 'POST', path: '/api/v1/devices', body: device({ name: '../../etc/passwd' }), status: 400, message: 'name must not contain path separators' },
  { name: 'backslash in name', method: 'POST', path: '/api/v1/devices', body: device({ name: 'dc1\\r1' }), status: 400, message: 'name must not contain path separators' },
  { name: '".." in name', method: 'POST', path: '/api/v1/devices', body: device({ name: 'r1..bak' }), status: 400, message: 'name must not contain ".."' },
  { name: 'hidden-file name', method: 'POST', path: '/api/v1/devices', body: device({ name: '.ssh' }), status: 400, message: 'name must not start with a dot' },
  { name: 'NUL in name', method: 'POST', path: '/api/v1/devices', body: device({ name: 'r1\u0000.cfg' }), status: 400, message: 'name must not contain control characters' },
  { name: 'newline in name', method: 'POST', path: '/api/v1/devices', body: device({ name: 'r1\nr2' }), status: 400, message: 'name must not contain control characters' },
  { name: 'overlong name', method: 'POST', path: '/api/v1/devices', body: device({ name: 'r'.repeat(129) }), status: 400, message: 'name must be at most 128 characters' },
  { name: 'duplicate name', method: 'POST', path: '/api/v1/devices', body: device({ name: 'r1' }), status: 409, message: 'a device named "r1" already exists' },
  { name: 'duplicate name in another case', method: 'POST', path: '/api/v1/devices', body: device({ name: 'R1' }), status: 409, message: 'names are case-insensitive' },
  // Hosts and ports.
  { name: 'host with a space', method: 'POST', path: '/api/v1/devices', body: device({ host: 'core sw' }), status: 400, message: 'host must be an IPv4 or IPv6 address or an RFC 1123 host name' },
  { name: 'IPv4 out of range', method: 'POST', path: '/api/v1/devices', body: device({ host: '10.0.0.256' }), status: 400, message: 'host must be an IPv4' },
  { name: 'shell injection in host', method: 'POST', path: '/api/v1/devices', body: device({ host: '10.0.0.1; rm -rf /' }), status: 400, message: 'host must be an IPv4' },
  { name: 'SQL injection in host', method: 'POST', path: '/api/v1/devices', body: device({ host: "x'); DROP TABLE inventory_devices; --" }), status: 400, message: 'host must be an IPv4' },
  { name: 'label over 63 characters', method: 'POST', path: '/api/v1/devices', body: device({ host: `${'a'.repeat(64)}.example.net` }), status: 400, message: 'RFC 1123' },
  { name: 'port 0', method: 'POST', path: '/api/v1/devices', body: device({ port: 0 }), status: 400, message: 'port must not be less than 1' },
  { name: 'port 65536', method: 'POST', path: '/api/v1/devices', body: device({ port: 65536 }), status: 400, message: 'port must not be greater than 65535' },
  { name: 'port as a string', method: 'POST', path: '/api/v1/devices', body: device({ port: '22' }), status: 400, message: 'port must be an integer number' },
  { name: 'fractional port', method: 'POST', path: '/api/v1/devices', body: device({ port: 22.5 }), status: 400, message: 'port must be an integer number' },
  // References and enumerations.
  { name: 'unknown platform', method: 'POST', path: '/api/v1/devices', body: device({ platform: 'windows95' }), status: 400, message: 'platform "windows95" is not known' },
  { name: 'unknown site', method: 'POST', path: '/api/v1/devices', body: device({ site: 'atlantis' }), status: 400, message: 'site "atlantis" does not exist' },
  { name: 'credentialId not a UUID', method: 'POST', path: '/api/v1/devices', body: device({ credentialId: 7 }), status: 400, message: 'credentialId must be a credential id (UUID)' },
  { name: 'unknown credentialId', method: 'POST', path: '/api/v1/devices', body: device({ credentialId: UNKNOWN_ID }), status: 400, message: `credential ${UNKNOWN_ID} does not exist` },
  { name: 'tags not a list', method: 'POST', path: '/api/v1/devices', body: device({ tags: 'core' }), status: 400, message: 'tags must be an array' },
  { name: 'tag with spaces', method: 'POST', path: '/api/v1/devices', body: device({ tags: ['data center'] }), status: 400, message: 'each tag must match' },
  { name: 'repeated tag', method: 'POST', path: '/api/v1/devices', body: device({ tags: ['core', 'core'] }), status: 400, message: "All tags's elements must be unique" },
  { name: 'enabled as a string', method: 'POST', path: '/api/v1/devices', body: device({ enabled: 'yes' }), status: 400, message: 'enabled must be a boolean value' },
  { name: 'notes too long', method: 'POST', path: '/api/v1/devices', body: device({ notes: 'n'.repeat(10_001) }), status: 400, message: 'notes must be shorter than or equal to 10000 characters' },
  // SNMP.
  { name: 'SNMP version 1', method: 'POST', path: '/api/v1/devices', body: device({ snmp: { version: '1', community: SECRETS.community } }), status: 400, message: 'version must be one of 2c, 3' },
  { name: 'SNMP v2c without community', method: 'POST', path: '/api/v1/devices', body: device({ snmp: { version: '2c' } }), status: 400, message: 'community must be a string' },
  { name: 'SNMP v2c with a v3 user', method: 'POST', path: '/api/v1/devices', body: device({ snmp: { version: '2c', community: SECRETS.community, username: 'u' } }), status: 400, message: 'username applies to SNMP version 3 only' },
  { name: 'SNMP v3 auth key too short', method: 'POST', path: '/api/v1/devices', body: device({ snmp: { version: '3', username: 'u', authProtocol: 'sha', authKey: 'short' } }), status: 400, message: 'authKey must be longer than or equal to 8 characters' },
  { name: 'SNMP v3 privacy without auth', method: 'POST', path: '/api/v1/devices', body: device({ snmp: { version: '3', username: 'u', privProtocol: 'aes', privKey: SECRETS.privKey } }), status: 400, message: 'privProtocol needs authProtocol' },
  { name: 'SNMP unknown protocol', method: 'POST', path: '/api/v1/devices', body: device({ snmp: { version: '3', username: 'u', authProtocol: 'sha3', authKey: SECRETS.authKey } }), status: 400, message: 'authProtocol must be one of md5, sha' },
  { name: 'SNMP unknown field', method: 'POST', path: '/api/v1/devices', body: device({ snmp: { version: '2c', community: SECRETS.community, retries: 3 } }), status: 400, message: 'property retries should not exist' },
  // PATCH, GET, DELETE by id.
  { name: 'PATCH name to null', method: 'PATCH', path: (s) => `/api/v1/devices/${s.deviceId}`, body: { name: null }, status: 400, message: 'name must be a string' },
  { name: 'PATCH enabled to null', method: 'PATCH', path: (s) => `/api/v1/devices/${s.deviceId}`, body: { enabled: null }, status: 400, message: 'enabled must be a boolean value' },
  { name: 'PATCH to a taken name', method: 'PATCH', path: (s) => `/api/v1/devices/${s.deviceId}`, body: { name: 'r2' }, status: 409, message: 'a device named "r2" already exists' },
  { name: 'PATCH an unknown device', method: 'PATCH', path: `/api/v1/devices/${UNKNOWN_ID}`, body: { role: 'x' }, status: 404, message: 'does not exist' },
  { name: 'GET an unknown device', method: 'GET', path: `/api/v1/devices/${UNKNOWN_ID}`, status: 404, message: `device "${UNKNOWN_ID}" does not exist` },
  { name: 'GET a path-traversal id', method: 'GET', path: '/api/v1/devices/..%2F..%2Fetc%2Fpasswd', status: 404, message: 'device "../../etc/passwd" does not exist' },
  { name: 'DELETE an unknown device', method: 'DELETE', path: `/api/v1/devices/${UNKNOWN_ID}`, status: 404, message: 'does not exist' },
  // List parameters.
  { name: 'limit 0', method: 'GET', path: '/api/v1/devices?limit=0', status: 400, message: 'limit must not be less than 1' },
  { name: 'limit over 1000', method: 'GET', path: '/api/v1/devices?limit=1001', status: 400, message: 'limit must not be greater than 1000' },
  { name: 'limit not a number', method: 'GET', path: '/api/v1/devices?limit=ten', status: 400, message: 'limit must be an integer' },
  { name: 'negative offset', method: 'GET', path: '/api/v1/devices?offset=-1', status: 400, message: 'offset must not be less than 0' },
  { name: 'ordering by an undocumented field', method: 'GET', path: '/api/v1/devices?ordering=password', status: 400, message: 'ordering must be one of name, -name' },
  { name: 'enabled neither true nor false', method: 'GET', path: '/api/v1/devices?enabled=maybe', status: 400, message: 'enabled must be true or false' },
  { name: 'filter by an unknown platform', method: 'GET', path: '/api/v1/devices?platform=windows95', status: 400, message: 'platform "windows95" is not known' },
  { name: 'filter by an unknown site', method: 'GET', path: '/api/v1/devices?site=atlantis', status: 400, message: 'site "atlantis" does not exist' },
  { name: 'id filter that is not a UUID', method: 'GET', path: '/api/v1/devices?id=1%20OR%201=1', status: 400, message: 'each id must be a UUID' },
  { name: 'unknown query parameter', method: 'GET', path: '/api/v1/devices?name__ic=r', status: 400, message: 'property name__ic should not exist' },
  { name: 'SQL in a tag filter', method: 'GET', path: `/api/v1/devices?tag=${encodeURIComponent("core' OR 1=1 --")}`, status: 400, message: 'each tag must match' },
  // Sites.
  { name: 'site name with a slash', method: 'POST', path: '/api/v1/sites', body: { name: 'dc1/hall2' }, status: 400, message: 'name must not contain path separators' },
  { name: 'duplicate site', method: 'POST', path: '/api/v1/sites', body: { name: 'DC1' }, status: 409, message: 'a site named "dc1" already exists' },
  { name: 'delete a site with devices', method: 'DELETE', path: (s) => `/api/v1/sites/${s.siteId}`, status: 409, message: 'site "dc1" has 1 device; move or delete them first' },
  // Credentials.
  { name: 'credential without username', method: 'POST', path: '/api/v1/credentials', as: 'admin', body: { name: 'c2', password: SECRETS.password }, status: 400, message: 'username is required' },
  { name: 'private key that is not a key', method: 'POST', path: '/api/v1/credentials', as: 'admin', body: { name: 'c2', username: 'u', privateKey: 'hunter2' }, status: 400, message: 'privateKey must be a PEM or OpenSSH private key' },
  { name: 'password with a line break', method: 'POST', path: '/api/v1/credentials', as: 'admin', body: { name: 'c2', username: 'u', password: 'a\nb' }, status: 400, message: 'password must be a single line' },
  { name: 'password of the wrong type', method: 'POST', path: '/api/v1/credentials', as: 'admin', body: { name: 'c2', username: 'u', password: 12345678 }, status: 400, message: 'password must be a string' },
  { name: 'duplicate credential', method: 'POST', path: '/api/v1/credentials', as: 'admin', body: { name: 'noc', username: 'u' }, status: 409, message: 'a credential named "noc" already exists' },
  { name: 'delete a credential in use', method: 'DELETE', path: (s) => `/api/v1/credentials/${s.credentialId}`, as: 'admin', status: 409, message: 'credential "noc" is used by 2 devices' },
  // Imports: every bad file leaves the store as it was.
  { name: 'import without format', method: 'POST', path: '/api/v1/devices/import', body: 'name\nr9\n', contentType: 'text/csv', status: 400, message: 'format must be one of csv, ansible, nornir, lab' },
  { name: 'import with an unknown format', method: 'POST', path: '/api/v1/devices/import?format=xlsx', body: 'x', contentType: 'text/csv', status: 400, message: 'format must be one of csv, ansible, nornir, lab' },
  { name: 'import dryRun neither true nor false', method: 'POST', path: '/api/v1/devices/import?format=csv&dryRun=perhaps', body: 'name\nr9\n', contentType: 'text/csv', status: 400, message: 'dryRun must be true or false' },
  { name: 'import without a body', method: 'POST', path: '/api/v1/devices/import?format=csv', status: 400, message: 'send the csv file as the request body' },
  { name: 'CSV with one good and six bad rows', method: 'POST', path: '/api/v1/devices/import?format=csv', body: fixture('devices-bad.csv'), contentType: 'text/csv', status: 400, message: '6 rows have problems' },
  { name: 'CSV with an unterminated quote', method: 'POST', path: '/api/v1/devices/import?format=csv', body: fixture('devices-malformed.csv'), contentType: 'text/csv', status: 400, message: 'not valid CSV' },
  { name: 'CSV with an unknown column', method: 'POST', path: '/api/v1/devices/import?format=csv', body: 'name,host,platform,password\nr9,10.0.0.9,ios,x\n', contentType: 'text/csv', status: 400, message: 'unknown column "password"' },
  { name: 'CSV naming an unknown credential', method: 'POST', path: '/api/v1/devices/import?format=csv', body: 'name,host,platform,credential\nr9,10.0.0.9,ios,nobody\n', contentType: 'text/csv', status: 400, message: 'credential "nobody" does not exist' },
  { name: 'CSV updating r1 with a bad port', method: 'POST', path: '/api/v1/devices/import?format=csv', body: 'name,port\nr9,22\nr1,0\n', contentType: 'text/csv', status: 400, message: 'port must not be less than 1' },
  { name: 'CSV sent as JSON', method: 'POST', path: '/api/v1/devices/import?format=csv', body: { name: 'r9' }, status: 400, message: 'needs the file as the request body (Content-Type: text/csv)' },
  { name: 'YAML with broken syntax', method: 'POST', path: '/api/v1/devices/import?format=ansible', body: fixture('ansible-malformed.yml'), contentType: 'application/yaml', status: 400, message: 'not valid YAML/JSON' },
  { name: 'Ansible inventory with bad hosts', method: 'POST', path: '/api/v1/devices/import?format=ansible', body: fixture('ansible-bad.yml'), contentType: 'application/yaml', status: 400, message: '2 rows have problems' },
  { name: 'Ansible inventory with a path-traversal host', method: 'POST', path: '/api/v1/devices/import?format=ansible', body: 'all:\n  hosts:\n    "../../root":\n      ansible_host: 10.0.0.9\n      ansible_network_os: ios\n', contentType: 'application/yaml', status: 400, message: 'name must not contain path separators' },
  { name: 'Nornir hosts in a group no file defines', method: 'POST', path: '/api/v1/devices/import?format=nornir', body: 'hosts:\n  r9:\n    hostname: 10.0.0.9\n    groups: [ghosts]\n', contentType: 'application/yaml', status: 400, message: 'which groups does not define' },
  { name: 'lab inventory without devices', method: 'POST', path: '/api/v1/devices/import?format=lab', body: { generatedAt: 'x', devices: 'none' }, status: 400, message: 'with a "devices" list' },
  { name: 'huge import', method: 'POST', path: '/api/v1/devices/import?format=csv', body: `name,notes\nr9,${HUGE}\n`, contentType: 'text/csv', status: 413, message: 'larger than the 5 MB limit' },
  // Export and internal.
  { name: 'export in an unknown format', method: 'GET', path: '/api/v1/devices/export?format=xml', status: 400, message: 'format must be one of csv, yaml' },
  { name: 'connection of an unknown device', method: 'GET', path: `/api/v1/internal/devices/${UNKNOWN_ID}/connection`, as: 'service', status: 404, message: 'does not exist' },
  { name: 'facts with an unknown field', method: 'PATCH', path: (s) => `/api/v1/internal/devices/${s.deviceId}/facts`, as: 'service', body: { model: 'x', uptime: 5 }, status: 400, message: 'property uptime should not exist' },
];

describe.each(['sqlite', 'postgres'] as const)('bad requests on %s', (kind) => {
  let t: InventoryTestApp;
  let seeded: Seeded;
  let store: StoreSnapshot;

  beforeAll(async () => {
    t = await InventoryTestApp.start(kind);
    const site = await t.call('POST', '/api/v1/sites', { body: { name: 'dc1' } });
    const credential = await t.call('POST', '/api/v1/credentials', {
      as: 'admin',
      body: { name: 'noc', username: 'netops', password: SECRETS.password, enableSecret: SECRETS.enableSecret },
    });
    const r1 = await t.call('POST', '/api/v1/devices', {
      body: { name: 'r1', host: '10.0.0.1', platform: 'ios', site: 'dc1', tags: ['core'], credentialId: credential.body.id, snmp: { version: '2c', community: SECRETS.community } },
    });
    await t.call('POST', '/api/v1/devices', { body: { name: 'r2', host: '10.0.0.2', platform: 'eos', credentialId: credential.body.id } });
    seeded = { deviceId: r1.body.id, siteId: site.body.id, credentialId: credential.body.id };
    store = await t.snapshot();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('$name → $status, store unchanged', async ({ method, path, body, contentType, as, status, message }) => {
    const url = typeof path === 'function' ? path(seeded) : path;
    const response = await t.call(method, url, { as, body, headers: contentType ? { 'content-type': contentType } : undefined });
    expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(status);
    expect(response.body.message).toContain(message);
    expect(await t.snapshot()).toEqual(store);
  });

  it('returned no secret in any response and wrote none to a log line', () => {
    expect(t.leaks(ALL_SECRETS)).toEqual([]);
  });
});
