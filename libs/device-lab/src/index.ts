export * from './lib/persona';
export * from './lib/device-lab';
export { PERSONAS, personaFor } from './lib/personas';
export * from './lib/lab-fleet';
export * from './lib/lab-faults';
export * from './lib/lab-errors';
export * from './lib/lab-clock';
export * from './lib/lab-inventory';
export * from './lib/fault-plan';
export { LAB_ADDRESSING_MODES, DEFAULT_LOOPBACK_BASE, DEFAULT_PORTS_ADDRESS, type LabAddressing } from './lib/lab-addressing';
export { PLATFORM_SHORT_NAMES, parsePlatformList } from './lib/lab-platforms';
export { hostKeyFingerprint } from './lib/host-keys';
export { PROMPT_LIKE_LINES } from './lib/fault-texts';
export type { SessionErrorHandler } from './lib/ssh-connection';
export {
  interfaceCounters,
  linkStatus,
  trafficProfile,
  type CounterView,
  type InterfaceCounters,
  type LinkStatus,
  type TrafficProfile,
} from './lib/personas/interface-counters';
export { SeededRandom } from './lib/personas/seeded-random';
export { snmpProfile, ciscoShortName, type SnmpProfile } from './lib/snmp/snmp-profiles';
export type { LabSnmpCredentials } from './lib/snmp/snmp-credentials';
