import type { ConfigDiff, ConfigVersion, InterfaceHistory, TelemetryState } from '../api/types';

/** Answers shaped as the API gives them (typed by the generated schema, so they break when the API changes shape). */

export const versionR1: ConfigVersion = {
  id: '68ebef6e-9344-4745-a0e4-f4d9b0489ff0',
  deviceId: '9d46be4c-79c2-41e5-bfb7-d6730ed83703',
  deviceName: 'lab-ios-0001',
  platform: 'cisco_ios',
  revision: 1,
  commit: '61d2bc44330d7578261c7397ea54e8ab6957cf00',
  contentHash: 'e00d8bdec50b8034aeb0a6e09c4a25c38cc432801cd47bf73550d9e9a54fe180',
  author: { name: 'netkeep', email: 'netkeep@localhost' },
  trigger: 'manual',
  runId: 'bf04d926-f079-4cc9-8728-1212f3a50745',
  createdAt: '2026-11-27T05:20:51.000Z',
  lineCount: 600,
  summary: 'first version, 600 lines',
};

export const versionR2: ConfigVersion = {
  ...versionR1,
  id: 'dcc8870f-13b6-47f9-bb92-15e6e4cff6f9',
  revision: 2,
  commit: '3e6124206131a422f7e2860e11dccddff65fde72',
  contentHash: '2c859c5c0460ddb8b17b4755f8a4850d7b68f42bf47a5eff2661e5a6b727cb62',
  author: { name: 'alice', email: null },
  trigger: 'syslog',
  createdAt: '2026-11-27T05:21:03.000Z',
  lineCount: 602,
  summary: 'interface GigabitEthernet1/0/2: description changed; global: ntp server 10.250.0.99 added',
};

/** A description replaced inside an interface, a line removed and two added elsewhere. */
export const unifiedDiff: ConfigDiff = {
  format: 'unified',
  from: versionR1,
  to: versionR2,
  linesAdded: 3,
  linesRemoved: 2,
  patch: [
    '--- a/lab-ios-0001\t61d2bc44330d 2026-11-27T05:20:51.000Z',
    '+++ b/lab-ios-0001\t3e6124206131 2026-11-27T05:21:03.000Z',
    '@@ -120,5 +120,5 @@',
    ' interface GigabitEthernet1/0/2',
    '- description WIFI-AP ap-2f-25',
    '+ description WIFI-AP ap-2f-26 (moved)',
    ' switchport access vlan 20',
    ' switchport mode access',
    ' !',
    '@@ -596,5 +596,6 @@',
    ' ntp server 10.250.0.11',
    '-ntp server 10.250.0.12',
    '+ntp server 10.250.0.98',
    '+ntp server 10.250.0.99',
    ' !',
    ' !',
    ' end',
    '',
  ].join('\n'),
};

export const sectionsDiff: ConfigDiff = {
  format: 'sections',
  from: versionR1,
  to: versionR2,
  sections: [
    {
      section: 'interface GigabitEthernet1/0/2',
      path: ['interface GigabitEthernet1/0/2'],
      status: 'changed',
      added: ['description WIFI-AP ap-2f-26 (moved)'],
      removed: ['description WIFI-AP ap-2f-25'],
      changes: ['description changed'],
      summary: 'interface GigabitEthernet1/0/2: description changed',
    },
    {
      section: 'global',
      path: ['global'],
      status: 'changed',
      added: ['ntp server 10.250.0.98', 'ntp server 10.250.0.99'],
      removed: ['ntp server 10.250.0.12'],
      changes: ['ntp server 10.250.0.12 removed', 'ntp server 10.250.0.98 added', 'ntp server 10.250.0.99 added'],
      summary: 'global: ntp server 10.250.0.12 removed, ntp server 10.250.0.98 added, ntp server 10.250.0.99 added',
    },
    {
      section: 'interface Loopback99',
      path: ['interface Loopback99'],
      status: 'added',
      added: ['description management'],
      removed: [],
      changes: ['added'],
      summary: 'interface Loopback99: added',
    },
  ],
};

const noRates = {
  inBitsPerSecond: null,
  outBitsPerSecond: null,
  inPacketsPerSecond: null,
  outPacketsPerSecond: null,
  inErrorsPerSecond: null,
  outErrorsPerSecond: null,
  inDiscardsPerSecond: null,
  outDiscardsPerSecond: null,
};

const counters = { inOctets: '30757832450814', outOctets: '10741820528081', inPackets: '83581066442', outPackets: '29591792088', inErrors: '0', outErrors: '0', inDiscards: '0', outDiscards: '0' };

export const telemetryState: TelemetryState = {
  id: '9d46be4c-79c2-41e5-bfb7-d6730ed83703',
  name: 'lab-ios-0001',
  platform: 'cisco_ios',
  settings: { intervalSeconds: 60, defaultInterval: true, enabled: true, source: 'auto', updatedAt: null },
  poll: { up: true, lastPollAt: '2026-11-27T05:21:05.616Z', lastSuccessAt: '2026-11-27T05:21:05.616Z', durationMs: 19, source: 'snmp', consecutiveFailures: 0, polls: 12, errors: 0, lastError: null },
  nextPollAt: '2026-11-27T05:22:05.596Z',
  sampledAt: '2026-11-27T05:21:05.603Z',
  sysName: 'lab-ios-0001',
  sysDescr: 'Cisco IOS Software, C3750E Software (C3750E-UNIVERSALK9-M), Version 15.2(4)E10, RELEASE SOFTWARE (fc2)\r\nTechnical Support: http://www.cisco.com/techsupport',
  uptimeSeconds: 17203992.64,
  cpuPercent: 14,
  memory: { usedBytes: 161001234, totalBytes: 268435456 },
  rateIntervalSeconds: 59.97,
  rateGap: null,
  interfaces: [
    {
      name: 'Gi1/0/1',
      ifIndex: 10101,
      descr: 'GigabitEthernet1/0/1',
      alias: 'USERS desk-2f-36',
      adminStatus: 'up',
      operStatus: 'up',
      speedMbps: 1000,
      counterBits: 64,
      counters,
      rates: { ...noRates, inBitsPerSecond: 4086875.83, outBitsPerSecond: 1427293.88, inErrorsPerSecond: 0, outErrorsPerSecond: 0 },
      rateGap: null,
    },
    {
      name: 'Gi1/0/8',
      ifIndex: 10108,
      descr: 'GigabitEthernet1/0/8',
      alias: 'UNUSED',
      adminStatus: 'down',
      operStatus: 'down',
      speedMbps: 1000,
      counterBits: 64,
      counters,
      rates: { ...noRates, inBitsPerSecond: 0, outBitsPerSecond: 0, inErrorsPerSecond: 0, outErrorsPerSecond: 0 },
      rateGap: null,
    },
    {
      name: 'Te1/1/1',
      ifIndex: 10201,
      descr: 'TenGigabitEthernet1/1/1',
      alias: 'UPLINK core-a01 Ethernet2/1',
      adminStatus: 'up',
      operStatus: 'up',
      speedMbps: 10000,
      counterBits: 64,
      counters,
      rates: { ...noRates, inBitsPerSecond: 48_400_000, outBitsPerSecond: 71_900_000, inErrorsPerSecond: 0.5, outErrorsPerSecond: 0 },
      rateGap: null,
    },
    {
      name: 'Gi1/0/9',
      ifIndex: 10109,
      descr: 'GigabitEthernet1/0/9',
      alias: 'LAB bench-5f-59',
      adminStatus: 'up',
      operStatus: 'lowerLayerDown',
      speedMbps: 1000,
      counterBits: 32,
      counters,
      rates: noRates,
      rateGap: 'counter-reset',
    },
  ],
};

/** Te1/1/1's last hour: four polls, the third without a rate. */
export const uplinkHistory: InterfaceHistory = {
  deviceId: telemetryState.id,
  device: telemetryState.name,
  interface: 'Te1/1/1',
  windowSeconds: 3600,
  points: [
    { ...noRates, at: '2026-11-27T04:22:05.000Z', operStatus: 'up', inBitsPerSecond: 40_000_000, outBitsPerSecond: 60_000_000 },
    { ...noRates, at: '2026-11-27T04:42:05.000Z', operStatus: 'up', inBitsPerSecond: 52_000_000, outBitsPerSecond: 80_000_000 },
    { ...noRates, at: '2026-11-27T05:02:05.000Z', operStatus: 'up' },
    { ...noRates, at: '2026-11-27T05:21:05.000Z', operStatus: 'up', inBitsPerSecond: 48_400_000, outBitsPerSecond: 71_900_000 },
  ],
};
