// Test-only: networks a test makes on the private engine, with subnets nothing on the machine
// uses, removed again afterwards. Not part of the build.
import { randomBytes, randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { addressRanges, parseIpv4Range, routeRanges, type Ipv4Range } from '../../scripts/test-bridge.js';
import { capture, captureOk } from '../../scripts/process.js';
import { docker, uniqueName } from './real-engine.js';

/**
 * Test subnets are /24s of 198.18.0.0/15, the range set aside for benchmarking networks
 * (RFC 2544): no LAN, VPN or engine's default pool uses it, and one a route on this machine
 * already covers (another checkout's test network) is never picked. A network's bridge gets a
 * route on the host, so a subnet that overlapped another engine's would cut that engine's
 * containers off.
 */
const benchmarkRange = { first: 198 * 2 ** 24 + 18 * 2 ** 16, count: 512 };

function overlaps(a: Ipv4Range, b: Ipv4Range): boolean {
  const aEnd = a.start + 2 ** (32 - a.prefixLength);
  const bEnd = b.start + 2 ** (32 - b.prefixLength);
  return a.start < bEnd && b.start < aEnd;
}

const dotted = (value: number) => [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');

/** `count` free /24s, in random places of the range. */
export async function freeTestSubnets(count: number): Promise<string[]> {
  const used = [...(await addressRanges()).map((entry) => entry.range), ...(await routeRanges())];
  const picked: string[] = [];
  for (let tries = 0; picked.length < count && tries < 10_000; tries++) {
    const candidate = `${dotted(benchmarkRange.first + randomInt(benchmarkRange.count) * 256)}/24`;
    const range = parseIpv4Range(candidate);
    if (range === null || picked.includes(candidate) || used.some((other) => overlaps(other, range))) continue;
    picked.push(candidate);
  }
  if (picked.length < count) throw new Error(`could not find ${count} free /24s in 198.18.0.0/15`);
  return picked;
}

/** A random unique-local IPv6 /64 (RFC 4193): collisions with anything else are out of the question. */
export function testIpv6Subnet(): string {
  const groups = randomBytes(6).toString('hex').match(/.{4}/g) ?? [];
  return `fd${groups[0]?.slice(2) ?? '00'}:${groups[1]}:${groups[2]}::/64`;
}

/** The first usable address of a /24 plus `host`: `198.18.7.0/24`, 10 -> `198.18.7.10`. */
export function hostIn(subnet: string, host: number): string {
  return subnet.replace(/\.0\/24$/, `.${host}`);
}

/** The networks one test file makes, under unique names, all removed (with their containers' connections) by `removeAll`. */
export class TestNetworks {
  private readonly names: string[] = [];

  name(label: string): string {
    const name = uniqueName(label);
    this.names.push(name);
    return name;
  }

  /** A name the test made some other way (`docker network create`), removed with the rest. */
  track(name: string): string {
    this.names.push(name);
    return name;
  }

  async removeAll(): Promise<void> {
    for (const name of this.names.splice(0)) {
      // Containers are removed first by their own helper; a network left connected would refuse.
      await docker('network', 'rm', name).catch(() => undefined);
    }
  }
}

/**
 * Lets containers on one test bridge reach each other where the machine would drop it. With
 * br_netfilter loaded, traffic between two ports of a bridge passes iptables' FORWARD chain, and
 * a Docker elsewhere on the machine sets its policy to DROP; the test engine runs with
 * `--iptables=false`, so it adds no rule of its own. This adds the one rule dockerd itself would
 * add for the bridge (`-i BRIDGE -o BRIDGE -j ACCEPT`), marked, and the disposer takes it away.
 * Nothing is added where bridged traffic is not filtered or FORWARD accepts.
 */
export async function allowTrafficWithin(bridge: string): Promise<() => Promise<void>> {
  const filtered = (await readFile('/proc/sys/net/bridge/bridge-nf-call-iptables', 'utf8').catch(() => '0')).trim() === '1';
  const policy = filtered ? await captureOk('iptables', ['-S', 'FORWARD']) : '';
  if (!filtered || policy.split('\n').includes('-P FORWARD ACCEPT')) return () => Promise.resolve();
  const rule = ['FORWARD', '-i', bridge, '-o', bridge, '-m', 'comment', '--comment', `berth-test ${bridge}`, '-j', 'ACCEPT'];
  await captureOk('iptables', ['-I', ...rule]);
  return async () => {
    await capture('iptables', ['-D', ...rule]);
  };
}
