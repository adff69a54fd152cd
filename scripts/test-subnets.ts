import { randomBytes, randomInt } from 'node:crypto';
import { addressRanges, parseIpv4Range, routeRanges, type Ipv4Range } from './test-bridge.js';

/**
 * Subnets for the networks tests make: /24s of 198.18.0.0/15, the range set aside for
 * benchmarking networks (RFC 2544), that no LAN, VPN or engine's default pool uses; one a route
 * on this machine already covers (another checkout's test network) is never picked. A network's
 * bridge gets a route on the host, so a subnet that overlapped another engine's would cut that
 * engine's containers off. Integration tests, end-to-end tests and the bench share this.
 */
const benchmarkRange = { first: 198 * 2 ** 24 + 18 * 2 ** 16, count: 512 };

function overlaps(a: Ipv4Range, b: Ipv4Range): boolean {
  const aEnd = a.start + 2 ** (32 - a.prefixLength);
  const bEnd = b.start + 2 ** (32 - b.prefixLength);
  return a.start < bEnd && b.start < aEnd;
}

const dotted = (value: number) => [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');

/** `count` free /24s, in random places of the range (at most 512). */
export async function freeTestSubnets(count: number): Promise<string[]> {
  const used = [...(await addressRanges()).map((entry) => entry.range), ...(await routeRanges())];
  const free: string[] = [];
  for (let index = 0; index < benchmarkRange.count; index++) {
    const candidate = `${dotted(benchmarkRange.first + index * 256)}/24`;
    const range = parseIpv4Range(candidate);
    if (range !== null && !used.some((other) => overlaps(other, range))) free.push(candidate);
  }
  if (free.length < count) throw new Error(`only ${free.length} free /24s left in 198.18.0.0/15, ${count} wanted`);
  // Random places, so two runs at once rarely pick the same.
  for (let index = free.length - 1; index > 0; index--) {
    const other = randomInt(index + 1);
    [free[index], free[other]] = [free[other] as string, free[index] as string];
  }
  return free.slice(0, count);
}

/** A random unique-local IPv6 /64 (RFC 4193): collisions with anything else are out of the question. */
export function testIpv6Subnet(): string {
  const groups = randomBytes(6).toString('hex').match(/.{4}/g) ?? [];
  return `fd${groups[0]?.slice(2) ?? '00'}:${groups[1]}:${groups[2]}::/64`;
}

/** An address of a /24: `198.18.7.0/24`, 10 -> `198.18.7.10`. */
export function hostIn(subnet: string, host: number): string {
  return subnet.replace(/\.0\/24$/, `.${host}`);
}
