/** An IPv4 address with its prefix length, e.g. an interface address `10.1.2.1/24`. */
export interface Ipv4Prefix {
  address: string;
  prefixLength: number;
}

export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

export function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

export function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** `255.255.255.0` for 24. */
export function netmask(prefixLength: number): string {
  return numberToIpv4(prefixLength === 0 ? 0 : 2 ** 32 - 2 ** (32 - prefixLength));
}

/** `0.0.0.255` for 24 (Cisco ACL and OSPF network statements). */
export function wildcard(prefixLength: number): string {
  return numberToIpv4(2 ** (32 - prefixLength) - 1);
}

/** The network of an interface address: `10.1.2.1/24` → `10.1.2.0/24`. */
export function networkOf(prefix: Ipv4Prefix): Ipv4Prefix {
  const size = 2 ** (32 - prefix.prefixLength);
  return { address: numberToIpv4(Math.floor(ipv4ToNumber(prefix.address) / size) * size), prefixLength: prefix.prefixLength };
}

/** The broadcast address of a prefix. */
export function broadcastOf(prefix: Ipv4Prefix): string {
  const size = 2 ** (32 - prefix.prefixLength);
  return numberToIpv4(ipv4ToNumber(networkOf(prefix).address) + size - 1);
}

/** `address + offset`, e.g. the other end of a /31. */
export function offsetIpv4(address: string, offset: number): string {
  return numberToIpv4(ipv4ToNumber(address) + offset);
}

export const cidr = (prefix: Ipv4Prefix): string => `${prefix.address}/${prefix.prefixLength}`;
