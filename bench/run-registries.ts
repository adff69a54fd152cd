import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { RegistrySeeder } from '../runtime/testing/registry-seed.js';
import { ThrowawayRegistry } from '../runtime/testing/throwaway-registry.js';
import { connectBerth } from './berth-client.js';
import { startBerthServe } from './berth-serve.js';
import { startCountingProxy, tcpUpstream } from './engine-proxy.js';
import { measureRegistries } from './measure-registries.js';
import type { Measures } from './report.js';
import type { BenchSettings } from './settings.js';
import { attempt, log } from './support.js';
import { Teardown } from './teardown.js';

/**
 * The registry measures (issue 12): a registry of the bench's own on 127.0.0.1 holding
 * BENCH_REGISTRY_REPOSITORIES repositories (one small image each, seeded through the registry's
 * HTTP API: blobs mounted from the first repository, then one manifest PUT each), a counting
 * proxy in front of it, and a `berth serve` with a data directory of its own that knows the
 * registry at the proxy's address (measure-registries.ts). Everything it starts is stopped and
 * removed before it returns.
 */

export interface RegistriesMeasuresOptions {
  engineUrl: string;
  settings: BenchSettings;
  chromiumArgs: string[];
}

/** `bench/repo-00000` ... : the catalog lists them in this order. */
export function benchRepositoryNames(count: number): string[] {
  const digits = Math.max(5, String(count - 1).length);
  return Array.from({ length: count }, (_, index) => `bench/repo-${String(index).padStart(digits, '0')}`);
}

export async function runRegistriesMeasures(options: RegistriesMeasuresOptions): Promise<{ measures: Pick<Measures, 'registries'>; teardownProblems: string[] }> {
  const { settings } = options;
  const phase = new Teardown();
  const measures: Pick<Measures, 'registries'> = {};
  try {
    const registry = await ThrowawayRegistry.start();
    phase.add('bench registry', () => registry.stop());
    const names = benchRepositoryNames(settings.registryRepositories);
    const seeding = performance.now();
    await new RegistrySeeder({ address: registry.address }).many(names, '1');
    log(`registries: seeded ${names.length} repositories into ${registry.address} in ${Math.round(performance.now() - seeding)} ms`);

    const proxy = await startCountingProxy(tcpUpstream(registry.address), { kind: 'tcp' });
    phase.add('registry proxy', () => proxy.close());
    const proxied = proxy.url.replace(/^tcp:\/\//, '');
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'berth-bench-registries-'));
    phase.add('berth data directory', () => rm(dataDir, { recursive: true, force: true }));
    const serve = await startBerthServe(options.engineUrl, 'registries', { env: { ...process.env, BERTH_DATA_DIR: dataDir, DOCKER_CONFIG: path.join(dataDir, 'docker-config') } });
    phase.add('berth serve', () => serve.stop());
    const connected = await connectBerth(serve.url);
    try {
      await connected.client.call('registries.add', { url: `http://${proxied}` });
    } finally {
      connected.dispose();
    }
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: options.chromiumArgs });
    phase.add('browser', () => browser.close());
    const lastName = names.at(-1) ?? '';
    measures.registries = await attempt('registry page and filter', () =>
      measureRegistries({
        browser,
        hostUrl: serve.url,
        registry: proxied,
        proxy,
        repositories: names.length,
        firstName: names[0] ?? '',
        // Matches on the first page; only at the catalog's end; nowhere.
        filters: ['repo-000', lastName.slice('bench/'.length), 'no-such-name'],
        runs: settings.registryRuns,
        timeoutMs: settings.timeoutMs,
      }),
    );
  } catch (error) {
    measures.registries ??= { error: error instanceof Error ? error.message : String(error) };
  }
  return { measures, teardownProblems: await phase.run() };
}
