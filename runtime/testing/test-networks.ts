// Test-only: networks a test makes on the private engine (with subnets from
// scripts/test-subnets.ts), removed again afterwards. Not part of the build.
import { readFile } from 'node:fs/promises';
import { capture, captureOk } from '../../scripts/process.js';
import { docker, uniqueName } from './real-engine.js';

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
