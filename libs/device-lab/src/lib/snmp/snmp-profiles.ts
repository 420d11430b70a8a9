import type { LabDeviceFacts, LabDeviceIdentity, LabInterface, LabPlatform } from '../persona';
import { LINUX_KERNEL } from '../personas/linux.files';

/**
 * How each platform's SNMP agent describes itself: sysDescr and sysObjectID in the vendor's
 * words, its ifIndex numbering and ifName abbreviations, and which MIB carries CPU and
 * memory (Cisco's own MIBs on Cisco, HOST-RESOURCES-MIB elsewhere). sysObjectIDs sit under
 * the right enterprise number; the product arcs are plausible, not a vendor's registry.
 */
export interface SnmpProfile {
  /** IANA private enterprise number: 9 Cisco, 2636 Juniper, 30065 Arista. */
  enterprise: number;
  sysObjectId: (device: LabDeviceIdentity) => string;
  sysDescr: (device: LabDeviceIdentity, facts: LabDeviceFacts) => string;
  /** ifIndex of the interface at `position` in the persona's list. */
  ifIndex: (position: number, link: LabInterface) => number;
  /** ifName: the short name the vendor's agent reports (`Gi1/0/1` for `GigabitEthernet1/0/1`). */
  ifName: (link: LabInterface) => string;
  /** CISCO-PROCESS-MIB + CISCO-MEMORY-POOL-MIB, or HOST-RESOURCES-MIB. */
  loadMib: 'cisco' | 'host-resources';
  memoryBytes: number;
}

const MIB = 1024 * 1024;

const CISCO_ABBREVIATIONS: readonly [RegExp, string][] = [
  [/^TenGigabitEthernet/, 'Te'],
  [/^TwentyFiveGigE/, 'Twe'],
  [/^FortyGigabitEthernet/, 'Fo'],
  [/^HundredGigE/, 'Hu'],
  [/^TenGigE/, 'Te'],
  [/^GigabitEthernet/, 'Gi'],
  [/^FastEthernet/, 'Fa'],
  [/^Ethernet/, 'Eth'],
];

/** IOS, XR and NX-OS agents abbreviate interface types in ifName. */
export function ciscoShortName(name: string): string {
  const rule = CISCO_ABBREVIATIONS.find(([pattern]) => pattern.test(name));
  return rule ? name.replace(rule[0], rule[1]) : name;
}

const sameName = (link: LabInterface): string => link.name;
const slotPort = (name: string): number[] => (name.match(/\d+/g) ?? []).map(Number);
const CISCO_COPYRIGHT = 'Technical Support: http://www.cisco.com/techsupport\r\nCopyright (c) 1986-2020 by Cisco Systems, Inc.';

const PROFILES: Readonly<Record<LabPlatform, SnmpProfile>> = {
  cisco_ios: {
    enterprise: 9,
    sysObjectId: (device) => (device.index % 2 === 0 ? '1.3.6.1.4.1.9.1.1227' : '1.3.6.1.4.1.9.1.1228'),
    sysDescr: (_device, facts) => {
      const family = facts.model.startsWith('WS-C3750') ? 'C3750E' : 'C3560E';
      return `Cisco IOS Software, ${family} Software (${family}-UNIVERSALK9-M), Version ${facts.osVersion}, RELEASE SOFTWARE (fc2)\r\n`
        + `${CISCO_COPYRIGHT}\r\nCompiled Tue 31-Mar-20 21:02 by prod_rel_team`;
    },
    // Catalyst 3750-X/3560-X: 10101 for the first front port of switch 1.
    ifIndex: (position) => 10101 + position,
    ifName: (link) => ciscoShortName(link.name),
    loadMib: 'cisco',
    memoryBytes: 256 * MIB,
  },
  cisco_xe: {
    enterprise: 9,
    sysObjectId: () => '1.3.6.1.4.1.9.1.2494',
    sysDescr: (_device, facts) =>
      `Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version ${facts.osVersion}, RELEASE SOFTWARE (fc3)\r\n`
      + 'Technical Support: http://www.cisco.com/techsupport\r\nCopyright (c) 1986-2023 by Cisco Systems, Inc.\r\nCompiled Fri 20-Oct-23 10:44 by mcpre',
    // Catalyst 9300: Gi0/0 (management) and the stack ports come first.
    ifIndex: (position) => 9 + position,
    ifName: (link) => ciscoShortName(link.name),
    loadMib: 'cisco',
    memoryBytes: 1386 * MIB,
  },
  cisco_nxos: {
    enterprise: 9,
    sysObjectId: () => '1.3.6.1.4.1.9.12.3.1.3.1812',
    sysDescr: (_device, facts) =>
      `Cisco NX-OS(tm) Nexus9000 ${facts.model}, Software (NXOS 64-bit), Version ${facts.osVersion}, RELEASE SOFTWARE `
      + 'Copyright (c) 2002-2022 by Cisco Systems, Inc. Compiled 8/8/2022 2:00:00',
    // NX-OS encodes slot and port: Ethernet1/1 is 0x1a000000.
    ifIndex: (_position, link) => {
      const [slot, port] = slotPort(link.name);
      return 0x1a000000 + (slot - 1) * 0x80000 + (port - 1) * 0x1000;
    },
    ifName: (link) => ciscoShortName(link.name),
    loadMib: 'cisco',
    memoryBytes: 16_384 * MIB,
  },
  cisco_xr: {
    enterprise: 9,
    sysObjectId: () => '1.3.6.1.4.1.9.1.1017',
    sysDescr: (_device, facts) =>
      `Cisco IOS XR Software (${facts.model}),  Version ${facts.osVersion}[Default]\r\nCopyright (c) 2022 by Cisco Systems, Inc., ${facts.model}`,
    ifIndex: (position) => 20 + position,
    ifName: (link) => ciscoShortName(link.name),
    loadMib: 'cisco',
    memoryBytes: 6_144 * MIB,
  },
  arista_eos: {
    enterprise: 30065,
    sysObjectId: () => '1.3.6.1.4.1.30065.1.3011.7050.3741.3248.8',
    sysDescr: (_device, facts) => `Arista Networks EOS version ${facts.osVersion} running on an Arista Networks ${facts.model}`,
    // EthernetN is N, EthernetN/1 is N*1000+1.
    ifIndex: (_position, link) => {
      const [port, lane] = slotPort(link.name);
      return lane === undefined ? port : port * 1000 + lane;
    },
    ifName: sameName,
    loadMib: 'host-resources',
    memoryBytes: 7_909 * MIB,
  },
  juniper_junos: {
    enterprise: 2636,
    sysObjectId: () => '1.3.6.1.4.1.2636.1.1.1.2.150',
    sysDescr: (_device, facts) =>
      `Juniper Networks, Inc. ${facts.model} internet router, kernel JUNOS ${facts.osVersion}, Build date: 2023-08-08 12:14:01 UTC `
      + 'Copyright (c) 1996-2023 Juniper Networks, Inc.',
    // The same numbers `show interfaces` prints as "SNMP ifIndex".
    ifIndex: (position) => 520 + position,
    ifName: sameName,
    loadMib: 'host-resources',
    memoryBytes: 16_384 * MIB,
  },
  mikrotik_routeros: {
    enterprise: 14988,
    sysObjectId: () => '1.3.6.1.4.1.14988.1',
    sysDescr: (_device, facts) => `RouterOS ${facts.model}`,
    ifIndex: (position) => 1 + position,
    ifName: sameName,
    loadMib: 'host-resources',
    memoryBytes: 4_096 * MIB,
  },
  huawei_vrp: {
    enterprise: 2011,
    sysObjectId: () => '1.3.6.1.4.1.2011.2.62.2.3',
    sysDescr: (_device, facts) =>
      `Huawei Versatile Routing Platform Software\r\nVRP (R) software, Version 8.210 (${facts.model} ${facts.osVersion})\r\n`
      + `Copyright (C) 2012-2022 Huawei Technologies Co., Ltd.\r\nHUAWEI ${facts.model}`,
    // The numbers `display interface` prints as "ifindex".
    ifIndex: (position) => 17 + position,
    ifName: sameName,
    loadMib: 'host-resources',
    memoryBytes: 8_192 * MIB,
  },
  linux: {
    enterprise: 8072,
    sysObjectId: () => '1.3.6.1.4.1.8072.3.2.10',
    sysDescr: (device) => `Linux ${device.name} ${LINUX_KERNEL} #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64`,
    // lo is 1, eth0 is 2: the kernel's link indexes.
    ifIndex: (position) => 2 + position,
    ifName: sameName,
    loadMib: 'host-resources',
    memoryBytes: 2_048 * MIB,
  },
};

export function snmpProfile(platform: LabPlatform): SnmpProfile {
  return PROFILES[platform];
}
