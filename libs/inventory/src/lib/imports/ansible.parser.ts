import { fileProblem, type ImportRow } from './import-row';
import { conventionFields, credentialFrom } from './inventory-conventions';
import { asInteger, asText, assignDefined, isRecord } from './source-values';
import { loadDocument } from './yaml-document';

interface GroupNode {
  name: string;
  vars: Record<string, unknown>;
  hosts: Map<string, Record<string, unknown>>;
  children: string[];
}

/**
 * An Ansible YAML inventory (ansible.builtin.yaml): `all` → `children` → groups with `hosts`,
 * `vars` and more `children`. Variables resolve as Ansible does: host vars over group vars, a
 * child group over its parents (deeper wins), groups of equal depth in name order, `all` last.
 *
 * Mapped fields: host key → name, ansible_host → host (default: the name), ansible_port → port,
 * ansible_network_os → platform (aliases such as cisco.ios.ios), ansible_user/ansible_password/
 * ansible_become_password → a credential, `site_*`/`role_*` groups → site/role, other groups → tags,
 * netkeep_* variables → netkeep fields (see inventory-conventions.ts).
 */
export function parseAnsibleInventory(content: unknown): ImportRow[] {
  const document = loadDocument(content);
  if (!isRecord(document)) throw fileProblem('an Ansible inventory is a mapping whose root is "all" (all: {children: …, hosts: …})');
  const groups = collectGroups(document);
  const depth = groupDepths(groups);

  // Hosts in first-seen order, with the groups that list them.
  const memberships = new Map<string, { groups: Set<string>; vars: Record<string, unknown> }>();
  const visit = (name: string, seen: Set<string>) => {
    const group = groups.get(name);
    if (!group || seen.has(name)) return;
    seen.add(name);
    for (const [host, vars] of group.hosts) {
      const membership = memberships.get(host) ?? { groups: new Set<string>(), vars: {} };
      membership.groups.add(name);
      Object.assign(membership.vars, vars);
      memberships.set(host, membership);
    }
    for (const child of group.children) visit(child, seen);
  };
  visit('all', new Set());
  if (memberships.size === 0) throw fileProblem('the inventory lists no hosts');

  return [...memberships.entries()].map(([host, membership], index) => {
    const inherited = withAncestors(membership.groups, groups);
    const ordered = [...inherited].sort((a, b) => (depth.get(a) ?? 0) - (depth.get(b) ?? 0) || a.localeCompare(b));
    const variables: Record<string, unknown> = {};
    for (const group of ordered) Object.assign(variables, groups.get(group)?.vars);
    Object.assign(variables, membership.vars);
    return toRow(host, index + 1, variables, ordered);
  });
}

function collectGroups(document: Record<string, unknown>): Map<string, GroupNode> {
  const groups = new Map<string, GroupNode>();
  const add = (name: string, body: unknown, path: string): GroupNode => {
    if (body !== null && body !== undefined && !isRecord(body)) throw fileProblem(`group "${path}" must be a mapping of hosts, vars and children`);
    const node: GroupNode = groups.get(name) ?? { name, vars: {}, hosts: new Map(), children: [] };
    groups.set(name, node);
    const section = (key: string): Record<string, unknown> => {
      const value = body?.[key];
      if (value === null || value === undefined) return {};
      if (!isRecord(value)) throw fileProblem(`"${key}" of group "${path}" must be a mapping`);
      return value;
    };
    Object.assign(node.vars, section('vars'));
    for (const [host, vars] of Object.entries(section('hosts'))) {
      if (vars !== null && !isRecord(vars)) throw fileProblem(`host "${host}" in group "${path}" must have a mapping of variables (or nothing)`);
      node.hosts.set(host, { ...node.hosts.get(host), ...(vars ?? {}) });
    }
    for (const [child, childBody] of Object.entries(section('children'))) {
      if (!node.children.includes(child)) node.children.push(child);
      add(child, childBody, `${path} > ${child}`);
    }
    return node;
  };
  const all = add('all', document['all'] ?? {}, 'all');
  // Top-level groups besides "all" are its implicit children.
  for (const [name, body] of Object.entries(document)) {
    if (name === 'all') continue;
    all.children.push(name);
    add(name, body, name);
  }
  return groups;
}

/** Each group's depth below `all`; a group reached along several paths takes the deepest. */
function groupDepths(groups: Map<string, GroupNode>): Map<string, number> {
  const depth = new Map<string, number>();
  const walk = (name: string, level: number, path: Set<string>) => {
    if (path.has(name)) throw fileProblem(`group "${name}" is its own descendant (${[...path, name].join(' > ')})`);
    if ((depth.get(name) ?? -1) >= level) return;
    depth.set(name, level);
    const next = new Set(path).add(name);
    for (const child of groups.get(name)?.children ?? []) walk(child, level + 1, next);
  };
  walk('all', 0, new Set());
  return depth;
}

/** The groups a host is in, directly or through a child group. */
function withAncestors(direct: Set<string>, groups: Map<string, GroupNode>): Set<string> {
  const parents = new Map<string, string[]>();
  for (const group of groups.values()) {
    for (const child of group.children) parents.set(child, [...(parents.get(child) ?? []), group.name]);
  }
  const all = new Set<string>();
  const climb = (name: string) => {
    if (all.has(name)) return;
    all.add(name);
    for (const parent of parents.get(name) ?? []) climb(parent);
  };
  for (const group of direct) climb(group);
  return all;
}

function toRow(host: string, position: number, variables: Record<string, unknown>, groups: string[]): ImportRow {
  const device: Record<string, unknown> = { name: host };
  assignDefined(device, {
    host: asText(variables['ansible_host']) ?? host,
    port: asInteger(variables['ansible_port'] ?? variables['ansible_ssh_port']),
    platform: asText(variables['ansible_network_os']),
    ...conventionFields(variables, groups),
  });
  const credential = credentialFrom(
    variables,
    {
      username: variables['ansible_user'] ?? variables['ansible_ssh_user'],
      password: variables['ansible_password'] ?? variables['ansible_ssh_pass'],
      enableSecret: variables['ansible_become_password'] ?? variables['ansible_become_pass'],
    },
    'ansible',
  );
  return { row: position, name: host, device, ...(credential ? { credential } : {}) };
}
