import type { InterfaceSample } from '../device-sample';

/**
 * Junos `show interfaces extensive`: one `Physical interface:` block per port, its logical
 * units nested after it. Only the physical part is read (up to the first `Logical
 * interface`), and only the first `Traffic statistics` in it: the IPv6 transit counters
 * that follow use the same labels.
 */
export function parseJunosInterfaces(output: string): InterfaceSample[] {
  const text = output.replace(/\r/g, '');
  const starts = [...text.matchAll(/^Physical interface: /gm)].map((match) => match.index ?? 0);
  return starts.flatMap((start, i) => {
    const whole = text.slice(start, starts[i + 1] ?? text.length);
    const block = whole.split(/^\s*Logical interface /m)[0];
    const header = /^Physical interface: (\S+?),\s*(Enabled|Administratively down)[^,]*,\s*Physical link is (Up|Down)/m.exec(block);
    const traffic = /Traffic statistics:\s*\n\s*Input\s+bytes\s*:\s*(\d+).*\n\s*Output\s+bytes\s*:\s*(\d+).*(?:\n\s*Input\s+packets\s*:\s*(\d+).*\n\s*Output\s+packets\s*:\s*(\d+))?/.exec(block);
    if (!header || !traffic) return [];
    const inputErrors = /Input errors:\s*\n\s*Errors: (\d+), Drops: (\d+)/.exec(block);
    const outputErrors = /Output errors:\s*\n\s*(?:Carrier transitions: \d+, )?Errors: (\d+), Drops: (\d+)/.exec(block);
    const ifIndex = /SNMP ifIndex: (\d+)/.exec(block)?.[1];
    const [, name, enabled, link] = header;
    return [{
      ...(ifIndex === undefined ? {} : { ifIndex: Number(ifIndex) }),
      name,
      descr: name,
      alias: /^\s+Description: (.*)$/m.exec(block)?.[1].trim() ?? '',
      adminStatus: enabled === 'Enabled' ? 'up' : 'down',
      operStatus: link === 'Up' ? 'up' : 'down',
      speedMbps: speedOf(block),
      counterBits: 64,
      inOctets: BigInt(traffic[1]),
      outOctets: BigInt(traffic[2]),
      inErrors: BigInt(inputErrors?.[1] ?? 0),
      inDiscards: BigInt(inputErrors?.[2] ?? 0),
      outErrors: BigInt(outputErrors?.[1] ?? 0),
      outDiscards: BigInt(outputErrors?.[2] ?? 0),
      ...(traffic[3] === undefined || traffic[4] === undefined ? {} : { inPackets: BigInt(traffic[3]), outPackets: BigInt(traffic[4]) }),
    }];
  });
}

/** `Speed: 10Gbps`, `Speed: 1000mbps`; `Auto` or `Unspecified` are unknown (0). */
function speedOf(block: string): number {
  const speed = /Speed: (\d+(?:\.\d+)?)([mg])bps/i.exec(block);
  if (!speed) return 0;
  return Number(speed[1]) * (speed[2].toLowerCase() === 'g' ? 1000 : 1);
}
