import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestEnv } from '../scripts/test-env-info.js';
import { createFleet, removeFleet, removeNamed } from './bench-containers.js';
import { connectBerth } from './berth-client.js';
import { startBerthServe, type RunningServe } from './berth-serve.js';
import { watchStartEvents } from './engine-events.js';
import { startCountingProxy, type EngineProxy } from './engine-proxy.js';
import { benchTargets, tlsProxyListener, type BenchTarget, type EngineLabel } from './engine-targets.js';
import { measureEnginesIdle, type EnginesIdle } from './measure-engines-idle.js';
import { addEngine, measureEnginesList, type EnginesList } from './measure-engines-list.js';
import { measureHangingEngine, type HangingEngine } from './measure-hanging-engine.js';
import { socketPathOf } from './raw-engine.js';
import type { BenchSettings } from './settings.js';
import { startSilentEngine } from './silent-engine.js';
import { makeSshShim } from './ssh-shim.js';
import { attempt, errorMessage, log } from './support.js';
import { Teardown } from './teardown.js';

/**
 * The several-engines measures (issue 9): the default test engine, the TLS engine and the ssh
 * engine each filled with the same number of containers, then (g) one list across the three,
 * (h) a hanging engine beside the default one, (i) idle calls with the three connected. Each
 * `berth serve` here has a data directory of its own, so it holds exactly the engines the
 * measure adds. Runs after the other measures; everything it starts is stopped before it returns.
 */

export interface EngineMeasures {
  enginesList: EnginesList | { error: string };
  hangingEngine: HangingEngine | { error: string };
  enginesIdle: EnginesIdle | { error: string };
}

export interface EnginesRun {
  measures: EngineMeasures;
  environment: Record<string, unknown>;
  teardownProblems: string[];
}

export interface EnginesRunOptions {
  testEnv: TestEnv;
  image: string;
  cliEnv: NodeJS.ProcessEnv;
  settings: BenchSettings;
}

const notRun = { error: 'not run: an earlier step failed' };

export async function runEngineMeasures(options: EnginesRunOptions): Promise<EnginesRun> {
  const { settings, testEnv } = options;
  const teardown = new Teardown();
  const measures: EngineMeasures = { enginesList: notRun, hangingEngine: notRun, enginesIdle: notRun };
  const environment: Record<string, unknown> = {};
  try {
    const targets = benchTargets(testEnv);
    teardown.add('engine connections', () => {
      for (const each of targets) each.dispose();
      return Promise.resolve();
    });
    const target = (label: EngineLabel) => targets.find((candidate) => candidate.label === label) as BenchTarget;
    teardown.add('bench containers on the three engines', () => Promise.all(targets.map((each) => removeFleet(each.docker))));
    // The other measures' fleet leaves the default engine first: each engine holds the same number.
    await Promise.all(targets.map((each) => removeFleet(each.docker)));
    log(`creating ${settings.engineContainers} containers on each of ${targets.map((each) => each.label).join(', ')}, the engines in parallel`);
    await Promise.all(targets.map((each) => createFleet(each.docker, options.image, { total: settings.engineContainers, running: 0, probes: 0 })));
    environment.containers = Object.fromEntries(await Promise.all(targets.map(async (each) => [each.label, (await each.rawList()).count] as const)));
    environment.urls = { default: testEnv.engineUrl, tls: testEnv.tls.url, ssh: testEnv.ssh.url };

    const serve = async <T>(label: string, engineUrl: string, extraEnv: NodeJS.ProcessEnv, measure: (hostUrl: string) => Promise<T>): Promise<T> => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'berth-bench-data-'));
      let running: RunningServe | null = null;
      try {
        running = await startBerthServe(engineUrl, label, { env: { ...process.env, ...extraEnv, BERTH_DATA_DIR: dataDir } });
        return await measure(running.url);
      } finally {
        await running?.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    };

    measures.enginesList = await attempt('containers.list across three engines', () =>
      serve('three engines', testEnv.engineUrl, {}, async (hostUrl) => {
        const ids = await addEngines(hostUrl, targets);
        return measureEnginesList({
          hostUrl,
          engines: targets.map((each) => ({ label: each.label, engine: ids.get(each.label), rawList: () => each.rawList() })),
          iterations: settings.listIterations,
          warmup: settings.warmup,
        });
      }),
    );

    measures.hangingEngine = await attempt('a hanging engine beside the default one', async () => {
      const docker = target('default').docker;
      const probes = await createFleet(docker, options.image, { total: settings.hangingStarts, running: 0, probes: settings.hangingStarts });
      const events = await watchStartEvents(docker);
      const silent = await startSilentEngine();
      try {
        return await serve('plain', testEnv.engineUrl, {}, (plainHostUrl) =>
          serve('with a hanging engine', testEnv.engineUrl, {}, (hangingHostUrl) =>
            measureHangingEngine({
              plainHostUrl,
              hangingHostUrl,
              silent,
              events,
              probeNames: probes.probeNames,
              cliEnv: options.cliEnv,
              iterations: settings.listIterations,
              warmup: settings.warmup,
              timeoutMs: settings.timeoutMs,
            }),
          ),
        );
      } finally {
        events.dispose();
        await silent.close();
        // Its probes are left running; the next measure wants the engines idle as before it (a
        // running container's stats stream for its history is issue 14's, not an idle call).
        await removeNamed(docker, probes.probeNames);
      }
    });

    measures.enginesIdle = await attempt('idle engine calls with three engines', async () => {
      const proxies = new Map<EngineLabel, EngineProxy>();
      const started = new Teardown();
      try {
        for (const each of targets) {
          const proxy = await startCountingProxy(each.upstream(), each.label === 'tls' ? tlsProxyListener(testEnv) : { kind: 'unix' });
          started.add(`${each.label} engine proxy`, () => proxy.close());
          proxies.set(each.label, proxy);
        }
        // Berth's ssh engine reaches its proxy through the shim, and the proxy the engine through the real ssh.
        const shim = await makeSshShim(socketPathOf((proxies.get('ssh') as EngineProxy).url));
        started.add('ssh shim', () => shim.dispose());
        const viaProxies = targets.map((each) =>
          each.add?.tls ? { ...each, add: { ...each.add, url: (proxies.get(each.label) as EngineProxy).url } } : each,
        );
        const pathWithShim = `${shim.binDir}${path.delimiter}${process.env.PATH ?? ''}`;
        return await serve('idle, three engines', (proxies.get('default') as EngineProxy).url, { PATH: pathWithShim }, async (hostUrl) => {
          const ids = await addEngines(hostUrl, viaProxies);
          return measureEnginesIdle({
            hostUrl,
            engines: targets.map((each) => ({ label: each.label, engine: ids.get(each.label), proxy: proxies.get(each.label) as EngineProxy })),
            windowSeconds: settings.idleSeconds,
            timeoutMs: settings.timeoutMs,
          });
        });
      } finally {
        const problems = await started.run();
        if (problems.length > 0) log(`idle engines: ${problems.join('; ')}`);
      }
    });
  } catch (error) {
    const message = errorMessage(error);
    log(`several engines failed: ${message}`);
    for (const key of Object.keys(measures) as (keyof EngineMeasures)[]) if (measures[key] === notRun) measures[key] = { error: `not run: ${message}` };
  }
  return { measures, environment, teardownProblems: await teardown.run() };
}

/** Adds every engine that has `add` params to the host; the engineIds by label (none for the default engine). */
async function addEngines(hostUrl: string, targets: readonly Pick<BenchTarget, 'label' | 'add'>[]): Promise<Map<EngineLabel, string>> {
  const connection = await connectBerth(hostUrl);
  try {
    const ids = new Map<EngineLabel, string>();
    for (const each of targets) if (each.add) ids.set(each.label, await addEngine(connection.client, each.add));
    return ids;
  } finally {
    connection.dispose();
  }
}
