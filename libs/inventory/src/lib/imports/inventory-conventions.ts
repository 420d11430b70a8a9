import type { ImportCredential } from './import-row';
import { asBoolean, asInteger, asTagList, asText, assignDefined, isRecord } from './source-values';

/**
 * Variables an Ansible or Nornir inventory can set for netkeep's own fields (in Ansible vars or
 * Nornir `data`), and the group-name conventions that place a device: `site_<name>` and `role_<name>`.
 */
export const NETKEEP_VARIABLES = {
  site: 'netkeep_site',
  role: 'netkeep_role',
  tags: 'netkeep_tags',
  enabled: 'netkeep_enabled',
  notes: 'netkeep_notes',
  snmp: 'netkeep_snmp',
  credential: 'netkeep_credential',
} as const;

const SITE_GROUP = /^site_(.+)$/;
const ROLE_GROUP = /^role_(.+)$/;
const UNTAGGED_GROUPS = new Set(['all', 'ungrouped']);

/** netkeep fields from the resolved variables and the host's groups. */
export function conventionFields(variables: Record<string, unknown>, groups: readonly string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const siteGroups = groups.flatMap((group) => SITE_GROUP.exec(group)?.[1] ?? []);
  const roleGroups = groups.flatMap((group) => ROLE_GROUP.exec(group)?.[1] ?? []);
  const tagGroups = groups.filter((group) => !UNTAGGED_GROUPS.has(group) && !SITE_GROUP.test(group) && !ROLE_GROUP.test(group));
  const extraTags = asTagList(variables[NETKEEP_VARIABLES.tags]);
  const tags = Array.isArray(extraTags) ? [...new Set([...tagGroups, ...extraTags.map(String)])] : extraTags;
  assignDefined(fields, {
    // A variable wins over a group name; two site_ groups are ambiguous, so both go to the validator.
    site: asText(variables[NETKEEP_VARIABLES.site]) ?? (siteGroups.length > 1 ? siteGroups : siteGroups[0]),
    role: asText(variables[NETKEEP_VARIABLES.role]) ?? (roleGroups.length > 1 ? roleGroups : roleGroups[0]),
    tags: tags === undefined && tagGroups.length === 0 ? undefined : (tags ?? tagGroups),
    enabled: asBoolean(variables[NETKEEP_VARIABLES.enabled]),
    notes: asText(variables[NETKEEP_VARIABLES.notes]),
    snmp: snmpFrom(variables[NETKEEP_VARIABLES.snmp]),
  });
  return fields;
}

function snmpFrom(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const snmp = { ...value };
  if ('version' in snmp) snmp['version'] = String(snmp['version']);
  if ('port' in snmp) snmp['port'] = asInteger(snmp['port']);
  for (const key of ['community', 'authKey', 'privKey', 'username']) if (key in snmp) snmp[key] = asText(snmp[key]);
  return snmp;
}

/** A stored credential by name, or the file's own username/password, or none. */
export function credentialFrom(
  variables: Record<string, unknown>,
  login: { username: unknown; password: unknown; enableSecret: unknown },
  namePrefix: string,
): ImportCredential | undefined {
  const named = variables[NETKEEP_VARIABLES.credential];
  if (named !== undefined) return { kind: 'existing', name: String(named) };
  if (login.username === undefined && login.password === undefined && login.enableSecret === undefined) return undefined;
  return {
    kind: 'inline',
    username: asText(login.username),
    ...(login.password === undefined ? {} : { password: asText(login.password) }),
    ...(login.enableSecret === undefined ? {} : { enableSecret: asText(login.enableSecret) }),
    namePrefix,
  };
}
