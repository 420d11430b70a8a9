import * as snmp from 'net-snmp';
import { SnmpSettingsError } from './snmp-errors';

export const SNMP_AUTH_PROTOCOLS = ['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512'] as const;
export const SNMP_PRIV_PROTOCOLS = ['des', 'aes', 'aes256b', 'aes256r'] as const;
export type SnmpAuthProtocol = (typeof SNMP_AUTH_PROTOCOLS)[number];
export type SnmpPrivProtocol = (typeof SNMP_PRIV_PROTOCOLS)[number];

/** How to reach one agent. v3 security level follows from what is given: user, + auth key, + priv key. */
export interface SnmpSettings {
  host: string;
  /** Default 161. */
  port?: number;
  version: '2c' | '3';
  community?: string;
  user?: string;
  authProtocol?: SnmpAuthProtocol;
  authKey?: string;
  privProtocol?: SnmpPrivProtocol;
  privKey?: string;
  /** Per request, before a retry. */
  timeoutMs: number;
  /** Extra attempts after the first one times out. */
  retries: number;
  /** GetBulk max-repetitions; default 10, halved by the walker when the agent says tooBig. */
  maxRepetitions?: number;
}

export const DEFAULT_SNMP_PORT = 161;
export const DEFAULT_MAX_REPETITIONS = 10;
/** RFC 3414 §11.2: a USM password shorter than 8 characters is not accepted by agents. */
const MIN_USM_KEY_LENGTH = 8;

export const snmpTarget = (settings: Pick<SnmpSettings, 'host' | 'port'>): string =>
  `${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${settings.port ?? DEFAULT_SNMP_PORT}`;

/** The longest a single request may take with every retry: what an unanswered request costs. */
export const attemptBudgetMs = (settings: Pick<SnmpSettings, 'timeoutMs' | 'retries'>): number =>
  settings.timeoutMs * (settings.retries + 1);

/** Refuses settings that cannot work, saying which field to fix. */
export function checkSnmpSettings(settings: SnmpSettings): void {
  const target = snmpTarget(settings);
  const fail = (message: string): never => {
    throw new SnmpSettingsError(`SNMP settings for ${target}: ${message}`, target);
  };
  if (!settings.host) fail('"host" is empty');
  if (settings.port !== undefined && !(Number.isInteger(settings.port) && settings.port > 0 && settings.port < 65_536)) fail(`port ${settings.port} is not a UDP port`);
  if (!(settings.timeoutMs > 0)) fail('"timeoutMs" must be above 0');
  if (!(Number.isInteger(settings.retries) && settings.retries >= 0)) fail('"retries" must be a whole number, 0 or more');
  if (settings.maxRepetitions !== undefined && !(Number.isInteger(settings.maxRepetitions) && settings.maxRepetitions > 0)) fail('"maxRepetitions" must be a whole number above 0');
  if (settings.version === '2c') {
    if (!settings.community) fail('version 2c needs a "community"');
    return;
  }
  if (settings.version !== '3') fail(`version "${String(settings.version)}" is not one of 2c, 3`);
  if (!settings.user) fail('version 3 needs a "user"');
  if (settings.privKey !== undefined && settings.authKey === undefined) fail('a privacy key needs an authentication key too (authPriv)');
  if (settings.authProtocol && !SNMP_AUTH_PROTOCOLS.includes(settings.authProtocol)) fail(`authProtocol "${settings.authProtocol}" is not one of ${SNMP_AUTH_PROTOCOLS.join(', ')}`);
  if (settings.privProtocol && !SNMP_PRIV_PROTOCOLS.includes(settings.privProtocol)) fail(`privProtocol "${settings.privProtocol}" is not one of ${SNMP_PRIV_PROTOCOLS.join(', ')}`);
  for (const [field, key] of [['authKey', settings.authKey], ['privKey', settings.privKey]] as const) {
    if (key !== undefined && key.length < MIN_USM_KEY_LENGTH) fail(`"${field}" must be at least ${MIN_USM_KEY_LENGTH} characters (RFC 3414)`);
  }
}

/** The USM user net-snmp wants; SHA and AES when a key is given without a protocol. */
export function usmUser(settings: SnmpSettings): snmp.User {
  const user: snmp.User = { name: settings.user ?? '', level: snmp.SecurityLevel.noAuthNoPriv };
  if (settings.authKey === undefined) return user;
  Object.assign(user, { level: snmp.SecurityLevel.authNoPriv, authProtocol: snmp.AuthProtocols[settings.authProtocol ?? 'sha'], authKey: settings.authKey });
  if (settings.privKey === undefined) return user;
  return { ...user, level: snmp.SecurityLevel.authPriv, privProtocol: snmp.PrivProtocols[settings.privProtocol ?? 'aes'], privKey: settings.privKey };
}

export function describeSecurity(settings: SnmpSettings): string {
  if (settings.version === '2c') return 'v2c';
  const level = settings.privKey !== undefined ? 'authPriv' : settings.authKey !== undefined ? 'authNoPriv' : 'noAuthNoPriv';
  return `v3 ${level} user "${settings.user}"`;
}
