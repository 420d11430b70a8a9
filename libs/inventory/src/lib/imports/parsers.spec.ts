import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnsibleInventory } from './ansible.parser';
import { parseDeviceCsv } from './csv.parser';
import { ImportRejectedError, type ImportRow } from './import-row';
import { validateImportRows } from './import-row.validator';
import { parseLabInventory } from './lab.parser';
import { nornirInventoryRows, parseNornirInventory } from './nornir.parser';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const byName = (rows: ImportRow[]): Record<string, ImportRow> => Object.fromEntries(rows.map((row) => [row.name, row]));

function rejection(parse: () => unknown): ImportRejectedError {
  try {
    parse();
  } catch (error) {
    if (error instanceof ImportRejectedError) return error;
    throw error;
  }
  throw new Error('expected the parser to reject the file');
}

describe('CSV parser', () => {
  it('maps columns onto device fields, line numbers onto rows, empty cells onto "not given"', () => {
    const rows = byName(parseDeviceCsv(fixture('devices-good.csv')));
    expect(rows['core-sw-01']).toEqual({
      row: 2,
      name: 'core-sw-01',
      device: {
        name: 'core-sw-01',
        host: '10.0.0.1',
        port: 22,
        platform: 'cisco_ios',
        site: 'dc1',
        role: 'core',
        tags: ['core', 'dc1'],
        enabled: true,
        notes: 'Rack A3, row 2',
        snmp: { version: '2c', community: 'csv-community-7f3a' },
      },
    });
    expect(rows['edge-rtr-01'].device).toMatchObject({ port: 2222, platform: 'junos', tags: ['edge', 'wan'], enabled: true });
    expect(rows['edge-rtr-01'].device).not.toHaveProperty('snmp');
    expect(rows['leaf-01'].device).toMatchObject({ host: '2001:db8::10', enabled: false, tags: [], notes: '=not a formula' });
    expect(rows['oob-01'].device).toEqual({ name: 'oob-01', host: '192.0.2.50', platform: 'ios', tags: [] });
  });

  it('reads a stored credential by name', () => {
    const [row] = parseDeviceCsv('name,host,platform,credential\nr1,10.0.0.1,ios,noc-login\n');
    expect(row.credential).toEqual({ kind: 'existing', name: 'noc-login' });
  });

  it('names unknown and repeated columns', () => {
    expect(rejection(() => parseDeviceCsv('name,hostname,password\nr1,a,b\n')).problems).toEqual([
      { row: 1, name: null, field: 'file', problems: [expect.stringContaining('unknown columns "hostname", "password"')] },
    ]);
    expect(rejection(() => parseDeviceCsv('name,host,host\nr1,a,b\n')).message).toContain('column "host" appears more than once');
    expect(rejection(() => parseDeviceCsv('host,platform\n10.0.0.1,ios\n')).message).toContain('no "name" column');
  });

  it('rejects malformed CSV with the line', () => {
    const error = rejection(() => parseDeviceCsv(fixture('devices-malformed.csv')));
    expect(error.problems[0]).toMatchObject({ field: 'file', problems: [expect.stringContaining('not valid CSV')] });
    expect(error.problems[0].row).toBeGreaterThan(0);
    expect(rejection(() => parseDeviceCsv('')).message).toContain('empty');
    expect(rejection(() => parseDeviceCsv('name,host\n')).message).toContain('no devices');
    expect(rejection(() => parseDeviceCsv({ name: 'r1' })).message).toContain('text/csv');
  });

  it('lists every bad row and field of a file at once', async () => {
    const { problems } = await validateImportRows(parseDeviceCsv(fixture('devices-bad.csv')));
    const summary = problems.map((problem) => `${problem.row} ${problem.name} ${problem.field}`);
    expect(summary).toEqual([
      '3 bad/name name',
      '4 bad-host host',
      '5 bad-port port',
      '6 bad-platform platform',
      '7 bad-enabled enabled',
      '8 GOOD-01 name',
    ]);
    expect(problems.find((p) => p.row === 3)?.problems).toEqual(['name must not contain path separators (/ or \\)']);
    expect(problems.find((p) => p.row === 6)?.problems[0]).toContain('platform "windows95" is not known');
    expect(problems.find((p) => p.row === 8)?.problems[0]).toContain('appears more than once in this import (rows 2, 8)');
  });
});

describe('Ansible YAML parser', () => {
  const rows = byName(parseAnsibleInventory(fixture('ansible-inventory.yml')));

  it('finds every host once, in the order the file lists them', () => {
    expect(Object.keys(rows)).toEqual(['dc1-core-01', 'dc1-core-02', 'dc1-acc-01', 'dc2-edge-01']);
    expect(Object.values(rows).map((row) => row.row)).toEqual([1, 2, 3, 4]);
  });

  it('resolves variables with Ansible precedence: host over child group over parent over all', () => {
    expect(rows['dc1-core-02'].device).toEqual({
      name: 'dc1-core-02',
      host: '10.1.0.2',
      port: 2222,
      platform: 'cisco.ios.ios',
      site: 'dc1',
      role: 'core',
    });
    // role_access overrides all's ansible_network_os; the host's own netkeep_notes rides along.
    expect(rows['dc1-acc-01'].device).toMatchObject({ platform: 'arista.eos.eos', role: 'access', notes: 'closet 4' });
    // Groups that are not site_/role_ become tags, with netkeep_tags added; with neither, tags are not given (kept on upsert).
    expect(rows['dc1-core-01'].device).toMatchObject({ site: 'dc1', role: 'core', tags: ['monitoring'] });
    expect(rows['dc2-edge-01'].device).toMatchObject({ platform: 'junipernetworks.junos.junos', site: 'dc2', role: 'edge', tags: ['wan'] });
  });

  it('turns ansible_user, ansible_password and ansible_become_password into a login', () => {
    expect(rows['dc1-core-01'].credential).toEqual({
      kind: 'inline',
      username: 'netops',
      password: 'ansible-pass-9c1e',
      enableSecret: 'ansible-enable-41d2',
      namePrefix: 'ansible',
    });
    expect(rows['dc2-edge-01'].credential).toEqual({ kind: 'inline', username: 'juniper-ops', password: 'ansible-pass-9c1e', namePrefix: 'ansible' });
  });

  it('validates clean, with platforms normalised', async () => {
    const { checked, problems } = await validateImportRows(Object.values(rows));
    expect(problems).toEqual([]);
    expect(checked.map((row) => row.platform)).toEqual(['cisco_ios', 'cisco_ios', 'arista_eos', 'juniper_junos']);
  });

  it('reports each bad host of a bad inventory', async () => {
    const { problems } = await validateImportRows(parseAnsibleInventory(fixture('ansible-bad.yml')));
    expect(problems.map((p) => `${p.row} ${p.name} ${p.field}`)).toEqual(['2 bad-r2 host', '3 bad-r3 port', '3 bad-r3 platform']);
  });

  it('rejects broken YAML with the line, and documents without hosts', () => {
    const error = rejection(() => parseAnsibleInventory(fixture('ansible-malformed.yml')));
    expect(error.message).toContain('not valid YAML/JSON');
    expect(error.problems[0].row).toBeGreaterThan(0);
    expect(rejection(() => parseAnsibleInventory('- just\n- a list\n')).message).toContain('root is "all"');
    expect(rejection(() => parseAnsibleInventory('all:\n  children:\n    empty: {}\n')).message).toContain('no hosts');
    expect(rejection(() => parseAnsibleInventory('all:\n  hosts: [r1, r2]\n')).message).toContain('"hosts" of group "all" must be a mapping');
  });

  it('refuses alias bombs and duplicate keys', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    expect(() => parseAnsibleInventory(`${bomb}\n`)).toThrow(ImportRejectedError);
    expect(rejection(() => parseAnsibleInventory('all:\n  hosts:\n    r1: {}\n    r1: {}\n')).message).toContain('not valid YAML/JSON');
  });
});

describe('Nornir SimpleInventory parser', () => {
  const files = {
    hosts: fixture('nornir/hosts.yaml'),
    groups: fixture('nornir/groups.yaml'),
    defaults: fixture('nornir/defaults.yaml'),
  };
  const rows = byName(nornirInventoryRows(files));

  it('resolves host, then groups in order (recursively), then defaults', () => {
    expect(rows['r1'].device).toEqual({ name: 'r1', host: '10.10.0.1', port: 22, platform: 'ios', site: 'lab-a', role: 'core', tags: ['core', 'global', 'nornir'] });
    expect(rows['r2'].device).toEqual({ name: 'r2', host: 'r2.lab.example.net', port: 830, platform: 'eos', site: 'lab-b', role: 'border', tags: ['edge', 'global', 'nornir'] });
    expect(rows['sw1'].device).toEqual({ name: 'sw1', host: '10.10.0.3', port: 22, platform: 'cisco_ios', site: 'lab-a', tags: ['access'] });
  });

  it('takes the login from the chain and the enable secret from netmiko extras', () => {
    expect(rows['r1'].credential).toEqual({ kind: 'inline', username: 'automation', password: 'nornir-default-pass', namePrefix: 'nornir' });
    expect(rows['sw1'].credential).toEqual({
      kind: 'inline',
      username: 'switch-admin',
      password: 'nornir-sw1-pass',
      enableSecret: 'nornir-enable-5b7c',
      namePrefix: 'nornir',
    });
  });

  it('reads the three files sent as one document', () => {
    const combined = `hosts:\n${indent(files.hosts)}\ngroups:\n${indent(files.groups)}\ndefaults:\n${indent(files.defaults)}\n`;
    expect(parseNornirInventory(combined)).toEqual(Object.values(rows));
  });

  it('names undefined groups, group cycles and unknown top-level keys', () => {
    expect(rejection(() => nornirInventoryRows({ hosts: 'r1:\n  groups: [nope]\n' })).message).toContain('group "nope", which groups does not define');
    expect(rejection(() => nornirInventoryRows({ hosts: 'r1:\n  groups: [a]\n', groups: 'a:\n  groups: [b]\nb:\n  groups: [a]\n' })).message).toContain('own ancestor');
    expect(rejection(() => parseNornirInventory({ hosts: {}, inventory: {} })).message).toContain('unknown top-level key inventory');
    expect(rejection(() => parseNornirInventory('r1:\n  hostname: 10.0.0.1\n')).message).toContain('under "hosts", "groups" and "defaults"');
  });
});

describe('device lab inventory parser', () => {
  it('maps each lab device, tags it "lab" and keeps its login for a credential', async () => {
    const rows = parseLabInventory(fixture('lab-inventory.json'));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({
      row: 1,
      name: 'lab-ios-01',
      device: { name: 'lab-ios-01', host: '127.20.0.1', port: 40001, platform: 'cisco_ios', tags: ['lab'], snmp: { version: '2c', port: 41001, community: 'lab-ro-5c1e' } },
      credential: { kind: 'inline', username: 'netkeep', password: 'lab-pass-e41b', enableSecret: 'lab-enable-77aa', namePrefix: 'lab' },
    });
    expect(rows[3].credential).toEqual({ kind: 'inline', username: 'netkeep', password: 'lab-pass-e41b', namePrefix: 'lab' });
    expect((await validateImportRows(rows)).problems).toEqual([]);
  });

  it('accepts the file already parsed (a JSON request body)', () => {
    expect(parseLabInventory(JSON.parse(fixture('lab-inventory.json')))).toEqual(parseLabInventory(fixture('lab-inventory.json')));
  });

  it('rejects files that are not a lab inventory', () => {
    expect(rejection(() => parseLabInventory('{"devices": {}}')).message).toContain('"devices" list');
    expect(rejection(() => parseLabInventory('{"devices": []}')).message).toContain('no devices');
    expect(rejection(() => parseLabInventory('{"devices": [42]}')).problems[0]).toMatchObject({ row: 1, problems: ['device 1 must be an object'] });
  });
});

function indent(text: string): string {
  return text
    .replace(/^---\n/, '')
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
