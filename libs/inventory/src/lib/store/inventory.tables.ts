import type { Selectable } from 'kysely';

// Portable schema (core's conventions): UUID text ids, ISO-8601 text timestamps, 0/1 booleans.
type Timestamp = string;

export interface SiteTable {
  id: string;
  name: string;
  /** lower(name): the unique key, so "DC1" and "dc1" cannot both exist. */
  name_key: string;
  description: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CredentialTable {
  id: string;
  name: string;
  name_key: string;
  username: string;
  /** SecretBox-sealed values; null when the secret is not set. */
  password_sealed: string | null;
  enable_secret_sealed: string | null;
  private_key_sealed: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DeviceTable {
  id: string;
  name: string;
  name_key: string;
  host: string;
  port: number;
  /** Canonical platform name from @netkeep/ssh. */
  platform: string;
  site_id: string | null;
  role: string | null;
  /** 0 or 1. */
  enabled: number;
  credential_id: string | null;
  snmp_version: string | null;
  snmp_port: number | null;
  snmp_username: string | null;
  snmp_auth_protocol: string | null;
  snmp_priv_protocol: string | null;
  snmp_community_sealed: string | null;
  snmp_auth_key_sealed: string | null;
  snmp_priv_key_sealed: string | null;
  notes: string | null;
  facts_model: string | null;
  facts_serial: string | null;
  facts_os_version: string | null;
  facts_collected_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DeviceTagTable {
  device_id: string;
  tag: string;
}

export interface InventoryTables {
  inventory_sites: SiteTable;
  inventory_credentials: CredentialTable;
  inventory_devices: DeviceTable;
  inventory_device_tags: DeviceTagTable;
}

export type SiteRow = Selectable<SiteTable>;
export type CredentialRow = Selectable<CredentialTable>;
export type DeviceRow = Selectable<DeviceTable>;

/** Every inventory table, in an order that respects foreign keys when deleting. */
export const INVENTORY_TABLES = ['inventory_device_tags', 'inventory_devices', 'inventory_credentials', 'inventory_sites'] as const;
