import type { SnmpConnectionSettings, SnmpSettingsDto, SnmpSettingsView, SnmpVersion } from '@netkeep/contracts';
import { DEFAULT_SNMP_PORT } from '@netkeep/contracts';
import type { SecretBox } from '@netkeep/core';
import type { DeviceTable } from '../store/inventory.tables';

type SnmpColumns = Pick<
  DeviceTable,
  | 'snmp_version'
  | 'snmp_port'
  | 'snmp_username'
  | 'snmp_auth_protocol'
  | 'snmp_priv_protocol'
  | 'snmp_community_sealed'
  | 'snmp_auth_key_sealed'
  | 'snmp_priv_key_sealed'
>;

const NO_SNMP: SnmpColumns = {
  snmp_version: null,
  snmp_port: null,
  snmp_username: null,
  snmp_auth_protocol: null,
  snmp_priv_protocol: null,
  snmp_community_sealed: null,
  snmp_auth_key_sealed: null,
  snmp_priv_key_sealed: null,
};

/** SNMP settings as columns, secrets sealed; null removes SNMP. */
export function snmpColumns(snmp: SnmpSettingsDto | null, box: SecretBox): SnmpColumns {
  if (snmp === null) return NO_SNMP;
  const seal = (value: string | undefined) => (value === undefined ? null : box.seal(value));
  return {
    snmp_version: snmp.version,
    snmp_port: snmp.port ?? DEFAULT_SNMP_PORT,
    snmp_username: snmp.version === '3' ? (snmp.username ?? null) : null,
    snmp_auth_protocol: snmp.authProtocol ?? null,
    snmp_priv_protocol: snmp.privProtocol ?? null,
    snmp_community_sealed: seal(snmp.community),
    snmp_auth_key_sealed: seal(snmp.authKey),
    snmp_priv_key_sealed: seal(snmp.privKey),
  };
}

/** What every response shows of SNMP: settings, and whether each secret is set. */
export function snmpView(row: SnmpColumns): SnmpSettingsView | null {
  if (row.snmp_version === null) return null;
  const port = row.snmp_port ?? DEFAULT_SNMP_PORT;
  if (row.snmp_version === '2c') return { version: '2c', port, hasCommunity: row.snmp_community_sealed !== null };
  return {
    version: row.snmp_version as SnmpVersion,
    port,
    username: row.snmp_username ?? '',
    authProtocol: (row.snmp_auth_protocol ?? null) as SnmpSettingsView['authProtocol'],
    privProtocol: (row.snmp_priv_protocol ?? null) as SnmpSettingsView['privProtocol'],
    hasAuthKey: row.snmp_auth_key_sealed !== null,
    hasPrivKey: row.snmp_priv_key_sealed !== null,
  };
}

/** SNMP settings with the secrets opened: for the internal connection endpoint and import comparisons only. */
export function snmpSettings(row: SnmpColumns, box: SecretBox): SnmpConnectionSettings | null {
  if (row.snmp_version === null) return null;
  const open = (sealed: string | null) => (sealed === null ? undefined : box.open(sealed));
  const settings: SnmpConnectionSettings = { version: row.snmp_version as SnmpVersion, port: row.snmp_port ?? DEFAULT_SNMP_PORT };
  const optional = {
    community: open(row.snmp_community_sealed),
    username: row.snmp_username ?? undefined,
    authProtocol: (row.snmp_auth_protocol ?? undefined) as SnmpConnectionSettings['authProtocol'],
    authKey: open(row.snmp_auth_key_sealed),
    privProtocol: (row.snmp_priv_protocol ?? undefined) as SnmpConnectionSettings['privProtocol'],
    privKey: open(row.snmp_priv_key_sealed),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(settings, { [key]: value });
  }
  return settings;
}
