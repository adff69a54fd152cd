import { randomInt } from 'node:crypto';
import { capture, captureOk } from './process.js';

/**
 * The Linux bridge a private test engine gets instead of `docker0`, so several engines on one
 * machine (several checkouts testing at once, or a developer's own Docker) never share one.
 * Each bridge gets a /24 of its own that no address or route on the machine overlaps.
 */

/** An IPv4 range: the first address as a 32-bit number and the prefix length. */
export interface Ipv4Range {
  start: number;
  prefixLength: number;
}

// Outside docker's default address pools (172.17-31.0.0/16, 192.168.0.0/16), so no engine's
// user-defined networks are ever given a test bridge's range.
const poolPrefix = [10, 213];

export function parseIpv4Range(cidr: string): Ipv4Range | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(cidr);
  if (!match) return null;
  const octets = match.slice(1, 5).map(Number);
  const prefixLength = match[5] === undefined ? 32 : Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefixLength > 32) return null;
  const address = octets.reduce((value, octet) => value * 256 + octet, 0);
  const size = 2 ** (32 - prefixLength);
  return { start: address - (address % size), prefixLength };
}

function overlaps(a: Ipv4Range, b: Ipv4Range): boolean {
  const aEnd = a.start + 2 ** (32 - a.prefixLength);
  const bEnd = b.start + 2 ** (32 - b.prefixLength);
  return a.start < bEnd && b.start < aEnd;
}

function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** A /24 in 10.213.0.0/16 that overlaps none of `used`, chosen at random (two starts at once rarely pick the same), or null when all are taken. */
export function pickFreeSubnet(used: readonly Ipv4Range[], random: (max: number) => number = randomInt): string | null {
  const free: number[] = [];
  for (let third = 0; third < 256; third++) {
    const candidate = parseIpv4Range(`${poolPrefix.join('.')}.${third}.0/24`);
    if (candidate && !used.some((range) => overlaps(range, candidate))) free.push(candidate.start);
  }
  if (free.length === 0) return null;
  return `${formatIpv4(free[random(free.length)] ?? 0)}/24`;
}

interface IpAddressJson {
  ifname?: string;
  addr_info?: { local?: string; prefixlen?: number }[];
}

interface IpRouteJson {
  dst?: string;
}

/** Every IPv4 address's network on the machine, per interface. */
export async function addressRanges(): Promise<{ ifname: string; range: Ipv4Range }[]> {
  const links = JSON.parse(await captureOk('ip', ['-j', '-4', 'addr', 'show'])) as IpAddressJson[];
  return links.flatMap((link) =>
    (link.addr_info ?? []).flatMap((info) => {
      const range = parseIpv4Range(`${info.local ?? ''}/${String(info.prefixlen ?? 32)}`);
      return range ? [{ ifname: link.ifname ?? '', range }] : [];
    }),
  );
}

/**
 * The bridge's own IPv4 address (`10.213.7.1`): an address of this machine that is not
 * loopback, so a test can serve something there that the engine treats as any other host.
 */
export async function bridgeAddress(name: string): Promise<string> {
  const links = JSON.parse(await captureOk('ip', ['-j', '-4', 'addr', 'show', 'dev', name])) as IpAddressJson[];
  const local = links[0]?.addr_info?.[0]?.local;
  if (local === undefined) throw new Error(`the bridge ${name} has no IPv4 address`);
  return local;
}

/** Every IPv4 route's destination except the default route (a VPN's 10.0.0.0/8, say). */
export async function routeRanges(): Promise<Ipv4Range[]> {
  const routes = JSON.parse(await captureOk('ip', ['-j', '-4', 'route', 'show', 'table', 'all'])) as IpRouteJson[];
  return routes.flatMap((route) => {
    const range = route.dst === undefined || route.dst === 'default' ? null : parseIpv4Range(route.dst);
    return range ? [range] : [];
  });
}

/**
 * Creates the bridge with the first address of a free /24 and brings it up; answers the
 * bridge's address with its prefix (e.g. `10.213.7.1/24`). Another environment starting at
 * the same moment may take the same /24: the check after adding the address sees that, and
 * both try another.
 */
export async function createBridge(name: string, attempts = 10): Promise<string> {
  await captureOk('ip', ['link', 'add', name, 'type', 'bridge']);
  try {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const used = [...(await addressRanges()).map((entry) => entry.range), ...(await routeRanges())];
      const subnet = pickFreeSubnet(used);
      if (subnet === null) throw new Error(`no free /24 left in ${poolPrefix.join('.')}.0.0/16 for the test bridge`);
      const address = subnet.replace(/\.0\/24$/, '.1/24');
      await captureOk('ip', ['addr', 'add', address, 'dev', name]);
      const mine = parseIpv4Range(subnet);
      const taken = (await addressRanges()).some((entry) => entry.ifname !== name && mine !== null && overlaps(entry.range, mine));
      if (!taken) {
        await captureOk('ip', ['link', 'set', name, 'up']);
        return address;
      }
      await captureOk('ip', ['addr', 'del', address, 'dev', name]);
    }
    throw new Error(`could not find a free /24 for ${name} in ${attempts} attempts`);
  } catch (error) {
    await removeBridge(name).catch(() => undefined);
    throw error;
  }
}

/** Deletes the bridge; nothing to do when it does not exist. */
export async function removeBridge(name: string): Promise<void> {
  if ((await capture('ip', ['link', 'show', name])).code !== 0) return;
  await captureOk('ip', ['link', 'delete', name, 'type', 'bridge']);
}
