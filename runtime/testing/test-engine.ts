// How every private test engine runs (scripts/test-env.ts starts it; a test that stops and
// starts it again must use the same). Test-only; not part of the build.
import path from 'node:path';
import type { ManagedEngineOptions } from '../engine/managed.js';

/**
 * The engine's own bridge, named from the data directory's unique suffix
 * (`/tmp/berth-test-Ab12Cd` -> `berth-Ab12Cd`), so a teardown finds it even after a start
 * that failed before recording anything. Interface names are limited to 15 bytes.
 */
export function testBridgeName(dataDir: string): string {
  return `berth-${path.basename(dataDir).replace(/^berth-test-/, '')}`.slice(0, 15);
}

/**
 * Several test engines run on one machine (checkouts testing at once, a developer's own
 * Docker), so each keeps to its own bridge and leaves the host's iptables alone; without
 * masquerading its containers cannot reach off the host.
 */
export function testEngineOptions(dataDir: string): ManagedEngineOptions {
  return { dataDir, bridge: testBridgeName(dataDir), iptables: false, ipMasq: false };
}
