import { fileProblem, type ImportRow } from './import-row';
import { conventionFields, credentialFrom } from './inventory-conventions';
import { asInteger, asText, assignDefined, isRecord } from './source-values';
import { loadDocument } from './yaml-document';

type Entry = Record<string, unknown>;

/** The three files of a Nornir SimpleInventory, each as YAML text or already-parsed data. */
export interface NornirFiles {
  hosts: unknown;
  groups?: unknown;
  defaults?: unknown;
}

/**
 * A Nornir SimpleInventory sent as one document: `{hosts: <hosts.yaml>, groups: <groups.yaml>,
 * defaults: <defaults.yaml>}` (groups and defaults optional).
 */
export function parseNornirInventory(content: unknown): ImportRow[] {
  const document = loadDocument(content);
  if (!isRecord(document) || !('hosts' in document)) {
    throw fileProblem('a Nornir import is one document with the three files under "hosts", "groups" and "defaults"');
  }
  const unknown = Object.keys(document).filter((key) => !['hosts', 'groups', 'defaults'].includes(key));
  if (unknown.length > 0) throw fileProblem(`unknown top-level key${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; expected hosts, groups, defaults`);
  return nornirInventoryRows({ hosts: document['hosts'], groups: document['groups'], defaults: document['defaults'] });
}

/**
 * Rows from hosts/groups/defaults. Each attribute resolves as Nornir does: the host's value, then
 * each of its groups in order (recursively through their groups), then defaults; `data` keys the same way.
 *
 * Mapped fields: host key → name, hostname → host (default: the name), port, platform (netmiko/napalm/
 * scrapli names and their aliases), username/password and connection_options.netmiko.extras.secret
 * (or scrapli's auth_secondary) → a credential, data.site/data.role or netkeep_* data → site/role,
 * the host's groups → tags.
 */
export function nornirInventoryRows(files: NornirFiles): ImportRow[] {
  const hosts = section(files.hosts, 'hosts');
  const groups = Object.fromEntries(
    Object.entries(section(files.groups, 'groups')).map(([name, group]) => {
      if (group !== null && !isRecord(group)) throw fileProblem(`group "${name}" must be a mapping of attributes`);
      return [name, group ?? {}];
    }),
  );
  const defaults = files.defaults === undefined || files.defaults === null ? {} : loadDocument(files.defaults);
  if (!isRecord(defaults)) throw fileProblem('"defaults" must be a mapping of attributes');
  if (Object.keys(hosts).length === 0) throw fileProblem('"hosts" lists no hosts');

  const groupsOf = (entry: Entry, where: string): string[] => {
    const list = entry['groups'] ?? [];
    if (!Array.isArray(list)) throw fileProblem(`"groups" of ${where} must be a list of group names`);
    for (const name of list) {
      if (!(String(name) in groups)) throw fileProblem(`${where} is in group "${String(name)}", which groups does not define`);
    }
    return list.map(String);
  };

  /** The entries a host inherits from, nearest first: host, its groups depth-first, defaults. */
  const chainOf = (hostName: string, host: Entry): Entry[] => {
    const chain: Entry[] = [host];
    const visit = (name: string, path: string[]) => {
      if (path.includes(name)) throw fileProblem(`group "${name}" is its own ancestor (${[...path, name].join(' > ')})`);
      const group = groups[name] as Entry;
      chain.push(group);
      for (const parent of groupsOf(group, `group "${name}"`)) visit(parent, [...path, name]);
    };
    for (const name of groupsOf(host, `host "${hostName}"`)) visit(name, []);
    chain.push(defaults);
    return chain;
  };

  return Object.entries(hosts).map(([name, rawHost], index) => {
    const host = rawHost === null ? {} : rawHost;
    if (!isRecord(host)) throw fileProblem(`host "${name}" must be a mapping of attributes`, index + 1);
    const chain = chainOf(name, host);
    const attribute = (key: string): unknown => chain.map((entry) => entry[key]).find((value) => value !== undefined && value !== null);
    const data = (key: string): unknown =>
      chain.map((entry) => (isRecord(entry['data']) ? entry['data'][key] : undefined)).find((value) => value !== undefined && value !== null);
    const extras = (connection: string, key: string): unknown =>
      chain
        .map((entry) => {
          const options = entry['connection_options'];
          const forConnection = isRecord(options) ? options[connection] : undefined;
          return isRecord(forConnection) && isRecord(forConnection['extras']) ? forConnection['extras'][key] : undefined;
        })
        .find((value) => value !== undefined && value !== null);

    const memberOf = ancestorsOf(host, groups, groupsOf);
    const variables: Entry = {};
    for (const entry of [...chain].reverse()) if (isRecord(entry['data'])) Object.assign(variables, entry['data']);
    const device: Entry = { name };
    assignDefined(device, {
      host: asText(attribute('hostname')) ?? name,
      port: asInteger(attribute('port')),
      platform: asText(attribute('platform')),
      ...conventionFields({ netkeep_site: data('site'), netkeep_role: data('role'), ...variables }, memberOf),
    });
    const credential = credentialFrom(
      variables,
      { username: attribute('username'), password: attribute('password'), enableSecret: extras('netmiko', 'secret') ?? extras('scrapli', 'auth_secondary') },
      'nornir',
    );
    return { row: index + 1, name, device, ...(credential ? { credential } : {}) };
  });
}

function section(content: unknown, name: string): Record<string, unknown> {
  if (content === undefined || content === null) return {};
  const document = loadDocument(content);
  if (!isRecord(document)) throw fileProblem(`"${name}" must be a mapping of names to attributes`);
  return document;
}

/** Every group a host belongs to, through its groups' groups, in resolution order. */
function ancestorsOf(host: Entry, groups: Record<string, unknown>, groupsOf: (entry: Entry, where: string) => string[]): string[] {
  const found: string[] = [];
  const visit = (name: string) => {
    if (found.includes(name)) return;
    found.push(name);
    for (const parent of groupsOf(groups[name] as Entry, `group "${name}"`)) visit(parent);
  };
  for (const name of groupsOf(host, 'host')) visit(name);
  return found;
}
