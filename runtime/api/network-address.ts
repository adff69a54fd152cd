import { isIpv4Address, isIpv6Address } from './ip-address.js';

/**
 * IP addresses and subnets (CIDR) as numbers, for the checks a network's subnet, gateway, IP
 * range and a container's fixed address need: is it inside, do two ranges overlap. Pure, so the
 * Create and Connect forms check as the backend does. Addresses are bigints: one code path for
 * IPv4 (32 bits) and IPv6 (128 bits).
 */

export type IpFamily = 4 | 6;

export interface IpAddress {
  family: IpFamily;
  value: bigint;
}

/** A subnet: the first address (host bits zero) and the prefix length. */
export interface Subnet {
  family: IpFamily;
  first: bigint;
  prefixLength: number;
}

const bitsOf = (family: IpFamily) => (family === 4 ? 32 : 128);

/** A dotted IPv4 or an IPv6 address (no zone), or null. */
export function parseIpAddress(text: string): IpAddress | null {
  if (isIpv4Address(text)) return { family: 4, value: ipv4Value(text) };
  if (isIpv6Address(text)) return { family: 6, value: ipv6Value(text) };
  return null;
}

function ipv4Value(text: string): bigint {
  return text.split('.').reduce((value, part) => (value << 8n) | BigInt(part), 0n);
}

function ipv6Value(text: string): bigint {
  const [head = '', tail] = text.split('::');
  const groupsOf = (half: string): bigint[] => {
    if (half === '') return [];
    return half.split(':').flatMap((group) => {
      if (!group.includes('.')) return [BigInt(`0x${group}`)];
      const v4 = ipv4Value(group);
      return [v4 >> 16n, v4 & 0xffffn];
    });
  };
  const front = groupsOf(head);
  const back = tail === undefined ? [] : groupsOf(tail);
  const groups = [...front, ...Array<bigint>(8 - front.length - back.length).fill(0n), ...back];
  return groups.reduce((value, group) => (value << 16n) | group, 0n);
}

export type SubnetReading = { ok: true; subnet: Subnet } | { ok: false; reason: string };

/**
 * `ADDRESS/PREFIX` as a subnet. Host bits must be zero: `10.1.0.5/24` is refused with the subnet
 * it would mean (the engine would keep it as typed, and every later check would read it two ways).
 * `allowHostBits` reads such a subnet as the engine does (a network made elsewhere may have one).
 */
export function parseSubnet(text: string, { allowHostBits = false } = {}): SubnetReading {
  const slash = text.indexOf('/');
  if (slash === -1) return { ok: false, reason: `must be a subnet in CIDR form, ADDRESS/PREFIX (e.g. 10.1.0.0/24 or fd00:1::/64), not "${text}"` };
  const address = parseIpAddress(text.slice(0, slash));
  if (address === null) return { ok: false, reason: `"${text.slice(0, slash)}" is not an IPv4 or IPv6 address` };
  const prefixText = text.slice(slash + 1);
  const bits = bitsOf(address.family);
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText) || Number(prefixText) > bits) {
    return { ok: false, reason: `the prefix length must be a number from 0 to ${bits} for an IPv${address.family} subnet, not "${prefixText}"` };
  }
  const prefixLength = Number(prefixText);
  const first = address.value & maskOf(address.family, prefixLength);
  if (first !== address.value && !allowHostBits) {
    return { ok: false, reason: `${text} has host bits set: the subnet is ${formatSubnet({ family: address.family, first, prefixLength })}` };
  }
  return { ok: true, subnet: { family: address.family, first, prefixLength } };
}

function maskOf(family: IpFamily, prefixLength: number): bigint {
  const bits = BigInt(bitsOf(family));
  const all = (1n << bits) - 1n;
  return (all << (bits - BigInt(prefixLength))) & all;
}

/** The last address of the subnet (the IPv4 broadcast address). */
export function lastAddressOf(subnet: Subnet): bigint {
  return subnet.first | (~maskOf(subnet.family, subnet.prefixLength) & ((1n << BigInt(bitsOf(subnet.family))) - 1n));
}

export function subnetContains(subnet: Subnet, address: IpAddress): boolean {
  return address.family === subnet.family && address.value >= subnet.first && address.value <= lastAddressOf(subnet);
}

/** Whether `inner` lies wholly inside `outer` (an IP range inside its subnet). */
export function subnetWithin(inner: Subnet, outer: Subnet): boolean {
  return inner.family === outer.family && inner.prefixLength >= outer.prefixLength && inner.first >= outer.first && lastAddressOf(inner) <= lastAddressOf(outer);
}

export function subnetsOverlap(a: Subnet, b: Subnet): boolean {
  return a.family === b.family && a.first <= lastAddressOf(b) && b.first <= lastAddressOf(a);
}

export function formatIpAddress(address: IpAddress): string {
  if (address.family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((address.value >> shift) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, index) => (address.value >> BigInt(112 - index * 16)) & 0xffffn);
  // The longest run of two or more zero groups becomes `::` (RFC 5952).
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0n) length++;
    if (length > bestLength) [bestStart, bestLength] = [start, length];
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

export function formatSubnet(subnet: Subnet): string {
  return `${formatIpAddress({ family: subnet.family, value: subnet.first })}/${subnet.prefixLength}`;
}
