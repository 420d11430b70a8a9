import { VALID_FIELD_VALUES, type ValueContext } from './domain-values';
import { LOWERCASE_ALPHANUMERIC } from './seeded-random';

export const IMPORT_FORMATS = ['csv', 'ansible', 'nornir', 'lab'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

interface ImportedDevice {
  name: string;
  host: string;
  port: number;
  platform: string;
  tags: string[];
}

const value = (field: string, context: ValueContext): unknown => VALID_FIELD_VALUES[`*.${field}`]?.(context);

function device(context: ValueContext): ImportedDevice {
  return {
    name: value('name', context) as string,
    host: value('host', context) as string,
    port: context.random.int(1, 65535),
    platform: value('platform', context) as string,
    tags: (value('tags', context) as string[]).slice(0, 2),
  };
}

/** CSV cells quoted always: names carry commas, quotes and spaces. */
const cell = (text: string | number) => `"${String(text).replace(/"/g, '""')}"`;

/** A well-formed inventory file in `format`, with the Content-Type the endpoint documents for it. */
export function importFile(format: ImportFormat, context: ValueContext): { contentType: string; body: string } {
  const devices = Array.from({ length: context.random.int(1, 4) }, () => device(context));
  const secret = context.random.chars(20, LOWERCASE_ALPHANUMERIC);
  switch (format) {
    case 'csv':
      return {
        contentType: 'text/csv',
        body: ['name,host,port,platform,tags', ...devices.map((d) => [d.name, d.host, d.port, d.platform, d.tags.join('|')].map(cell).join(','))].join('\n'),
      };
    case 'ansible': {
      // JSON-quoted scalars are YAML too, whatever characters a name holds.
      const hosts = devices.map((d) => `    ${JSON.stringify(d.name)}:\n      ansible_host: ${JSON.stringify(d.host)}\n      ansible_port: ${d.port}\n      ansible_network_os: ${JSON.stringify(d.platform)}`);
      return { contentType: 'application/yaml', body: `all:\n  hosts:\n${hosts.join('\n')}\n` };
    }
    case 'nornir':
      return {
        contentType: 'application/json',
        body: JSON.stringify({ hosts: Object.fromEntries(devices.map((d) => [d.name, { hostname: d.host, port: d.port, platform: d.platform, username: 'fuzz', password: secret }])) }),
      };
    case 'lab':
      return {
        contentType: 'application/json',
        body: JSON.stringify({ generatedAt: new Date(0).toISOString(), devices: devices.map((d) => ({ name: d.name, host: d.host, port: d.port, platform: d.platform, username: 'fuzz', password: secret, faults: [] })) }),
      };
  }
}

/** Nine levels of nine aliases each: a few hundred bytes that expand to 9^9 strings. */
function aliasBomb(): string {
  const lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level <= 8; level++) lines.push(`l${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
}

/** Files the import must refuse whole: broken syntax, wrong shapes, hostile documents, bad rows. */
export function brokenImportFile(format: ImportFormat, context: ValueContext): { contentType: string; body: string; why: string } {
  const { random } = context;
  const good = importFile(format, context);
  const broken: Record<ImportFormat, { body: string; why: string }[]> = {
    csv: [
      { body: 'name,host,platform\n"unterminated,10.0.0.1,ios', why: 'an unterminated quote' },
      { body: 'name,hostname,os\nr1,10.0.0.1,ios', why: 'unknown columns' },
      { body: 'name,host,platform\nr1,10.0.0.256,ios', why: 'a bad host in a row' },
      { body: 'name,host,platform\n../../etc/passwd,10.0.0.1,ios', why: 'a path in a name' },
      { body: 'name,host,platform\n', why: 'a header and no rows' },
      { body: `name,host,platform\n${'x,'.repeat(5000)}`, why: 'a row with thousands of cells' },
    ],
    ansible: [
      { body: 'all:\n  hosts:\n    r1: [unclosed', why: 'broken YAML' },
      { body: aliasBomb(), why: 'an alias bomb (billion laughs)' },
      { body: `${'['.repeat(20_000)}${']'.repeat(20_000)}`, why: 'deep nesting' },
      { body: 'all:\n  hosts:\n    r1:\n      ansible_host: "10.0.0.1"\n      ansible_network_os: "no-such-os"\n', why: 'an unknown platform' },
      { body: '- just\n- a\n- list\n', why: 'a list, not an inventory' },
    ],
    nornir: [
      { body: '{"hosts": {"r1": {"hostname": "10.0.0.1"', why: 'truncated JSON' },
      { body: JSON.stringify({ hosts: 'r1' }), why: 'hosts that are not a map' },
      { body: JSON.stringify({ hosts: { 'r1\nInjected: yes': { hostname: '10.0.0.1', platform: 'ios' } } }), why: 'a line break in a name' },
      { body: `{"hosts": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`, why: 'deep nesting' },
    ],
    lab: [
      { body: JSON.stringify({ devices: [] }), why: 'no devices' },
      { body: JSON.stringify({ devices: [{ name: 'r1', host: '10.0.0.1', port: 'ssh', platform: 'cisco_ios', username: 'u', password: 'p' }] }), why: 'a port that is not a number' },
      { body: JSON.stringify({ devices: [{ name: 'r1', host: '$(reboot)', port: 22, platform: 'cisco_ios', username: 'u', password: 'p' }] }), why: 'a shell command as host' },
      { body: '{"devices": [', why: 'truncated JSON' },
    ],
  };
  const choice = random.pick(broken[format]);
  return { contentType: good.contentType, ...choice };
}
