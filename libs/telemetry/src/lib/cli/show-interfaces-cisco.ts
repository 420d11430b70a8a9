import type { InterfaceSample, InterfaceStatus } from '../device-sample';

/**
 * `show interfaces` as Cisco IOS / IOS-XE and Arista EOS print it: one block per interface,
 * headed `<name> is <state>, line protocol is <state>`, counters on indented lines. The two
 * differ in where discards live: IOS in `Input queue: …/drops/…; Total output drops: N`,
 * EOS in `N input discards` and `N output discards`.
 */

export interface CiscoStyleOptions {
  /** ifName as the platform's SNMP agent reports it, from the CLI's full name. */
  shortName: (name: string) => string;
}

const HEADER = /^(\S+) is (up|down|administratively down|deleted|testing)(?:\s*\([^)]*\))?, line protocol is (up|down|testing|dormant|notPresent|lowerLayerDown)\b/i;

export function parseCiscoStyleInterfaces(output: string, options: CiscoStyleOptions): InterfaceSample[] {
  return splitBlocks(output).flatMap((block) => {
    const header = HEADER.exec(block[0]);
    if (!header) return [];
    const [, name, lineState, protocol] = header;
    const text = block.join('\n');
    const number = (pattern: RegExp): bigint | undefined => {
      const found = pattern.exec(text)?.[1];
      return found === undefined ? undefined : BigInt(found);
    };
    const input = /(\d+) packets input, (\d+) bytes/.exec(text);
    const output_ = /(\d+) packets output, (\d+) bytes/.exec(text);
    if (!input || !output_) return [];
    const queue = /Input queue: \d+\/\d+\/(\d+)\/\d+ .*?Total output drops: (\d+)/.exec(text);
    const admin: InterfaceStatus = /^administratively/i.test(lineState) ? 'down' : 'up';
    return [{
      name: options.shortName(name),
      descr: name,
      alias: /^\s+Description: (.*)$/m.exec(text)?.[1].trim() ?? '',
      adminStatus: admin,
      operStatus: admin === 'down' ? 'down' : (protocol.toLowerCase() as InterfaceStatus),
      speedMbps: speedOf(text),
      counterBits: 64,
      inOctets: BigInt(input[2]),
      outOctets: BigInt(output_[2]),
      inErrors: number(/(\d+) input errors?\b/) ?? 0n,
      outErrors: number(/(\d+) output errors?\b/) ?? 0n,
      inDiscards: queue ? BigInt(queue[1]) : number(/(\d+) input discards/) ?? 0n,
      outDiscards: queue ? BigInt(queue[2]) : number(/(\d+) output discards/) ?? 0n,
      inPackets: BigInt(input[1]),
      outPackets: BigInt(output_[1]),
    }];
  });
}

/** Blocks start at a line with no indentation; the lines before the first header belong to none. */
function splitBlocks(output: string): string[][] {
  const blocks: string[][] = [];
  for (const line of output.replace(/\r/g, '').split('\n')) {
    if (/^\S/.test(line)) blocks.push([line]);
    else blocks[blocks.length - 1]?.push(line);
  }
  return blocks;
}

/** The negotiated speed (`Full-duplex, 1000Mb/s`, `10Gb/s`), else the configured `BW … Kbit`. */
function speedOf(text: string): number {
  const negotiated = /duplex, (\d+(?:\.\d+)?)([MG])b\/s/i.exec(text);
  if (negotiated) return Number(negotiated[1]) * (negotiated[2].toUpperCase() === 'G' ? 1000 : 1);
  const bandwidth = /\bBW (\d+) kbit/i.exec(text);
  return bandwidth ? Number(bandwidth[1]) / 1000 : 0;
}

const IOS_ABBREVIATIONS: readonly [RegExp, string][] = [
  [/^AppGigabitEthernet/i, 'Ap'],
  [/^TwoGigabitEthernet/i, 'Tw'],
  [/^FiveGigabitEthernet/i, 'Fi'],
  [/^TenGigabitEthernet/i, 'Te'],
  [/^TwentyFiveGigE/i, 'Twe'],
  [/^FortyGigabitEthernet/i, 'Fo'],
  [/^HundredGigE/i, 'Hu'],
  [/^GigabitEthernet/i, 'Gi'],
  [/^FastEthernet/i, 'Fa'],
  [/^Port-channel/i, 'Po'],
  [/^Loopback/i, 'Lo'],
  [/^Tunnel/i, 'Tu'],
  [/^Vlan/i, 'Vl'],
  [/^Null/i, 'Nu'],
];

/** IOS's ifName: `GigabitEthernet1/0/1` → `Gi1/0/1`, `Vlan10` → `Vl10`. */
export function iosShortName(name: string): string {
  const rule = IOS_ABBREVIATIONS.find(([pattern]) => pattern.test(name));
  return rule ? name.replace(rule[0], rule[1]) : name;
}
