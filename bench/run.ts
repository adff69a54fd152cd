import os from 'node:os';
import Docker from 'dockerode';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createFleet, probePrefix, removeFleet } from './bench-containers.js';
import { startBerthServe } from './berth-serve.js';
import { ensureBuilt } from './build.js';
import { watchStartEvents } from './engine-events.js';
import { startEngineProxy, type EngineProxy } from './engine-proxy.js';
import { bringUpEngine } from './environment.js';
import { measureBulkStop } from './measure-bulk-stop.js';
import { measureCreateStart } from './measure-create.js';
import { measureIdleCalls } from './measure-idle.js';
import { measureListLatency } from './measure-list.js';
import { measurePageOpen } from './measure-page-open.js';
import { measureRunCommand } from './measure-run-command.js';
import { measureStartToRow } from './measure-start-to-row.js';
import { measureTerminal } from './measure-terminal.js';
import { rawListContainers } from './raw-engine.js';
import { judgeTargets, methodNotes, writeReport, type Measures } from './report.js';
import { readSettings } from './settings.js';
import { runEngineMeasures } from './run-engines.js';
import { runLogsMeasures } from './run-logs.js';
import { runBuildMeasures } from './run-build.js';
import { runImagesMeasures } from './run-images.js';
import { runStatsMeasures } from './run-stats.js';
import { runVolumesMeasures } from './run-volumes.js';
import { runRegistriesMeasures } from './run-registries.js';
import { runNetworksMeasures } from './run-networks.js';
import { runDashboardMeasures } from './run-dashboard.js';
import { attempt, delay, errorMessage, log } from './support.js';
import { Teardown } from './teardown.js';

/**
 * `npm run bench`: starts the test engine, fills it with containers, serves Berth, measures
 * (a) list latency and page open, (b) external start to row, (c) idle engine calls,
 * (d) create+start against `docker run -d`, (e) bulk stop against `docker stop`, (f) terminal
 * output and keystroke echo against `docker exec` and a raw engine socket, (g) reading a log
 * of a million lines against `docker logs` (measure-logs.ts), (h) unless BENCH_BUILD=0,
 * building an image against `docker build` (run-build.ts), (i) unless BENCH_IMAGES=0, pull and
 * push against `docker pull` / `docker push` (run-images.ts), (j) first of all unless
 * BENCH_VOLUMES=0, the volumes list and browse (run-volumes.ts), (k) unless BENCH_REGISTRIES=0, a
 * registry of many repositories opened and filtered in Chromium (run-registries.ts), (l) unless
 * BENCH_NETWORKS=0, the networks list against `GET /networks` (run-networks.ts), (m) unless BENCH_RUN_COMMAND=0,
 * parsing and checking a pasted 100-flag `docker run` line (measure-run-command.ts), (n) before the
 * fleet unless BENCH_STATS=0, the CPU cost of live stats against `docker stats` (run-stats.ts), (o) unless
 * BENCH_DASHBOARD=0, the Dashboard opened to every number with 1,000 containers and 200 images
 * (run-dashboard.ts), then (unless BENCH_ENGINES=0) the
 * several-engines measures (run-engines.ts), then tears everything down and prints one JSON
 * document (also bench/results/latest.json).
 */

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

async function main(): Promise<number> {
  const settings = readSettings();
  const startedAt = new Date();
  const teardown = new Teardown();
  const interrupted = (signal: NodeJS.Signals) => {
    log(`${signal}: tearing down`);
    void teardown.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  const notRun = { error: 'not run: an earlier step failed' };
  const core = settings.core ? notRun : { error: 'skipped: BENCH_CORE=0' };
  const measures: Measures = { containersList: core, createStart: core, bulkStop: core, terminal: core, pageOpen: core, startToRow: core, idle: core };
  const environment: Record<string, unknown> = { node: process.version, cpus: os.cpus().length, memoryMiB: Math.round(os.totalmem() / 2 ** 20) };
  let fatal: string | null = null;
  const teardownProblems: string[] = [];

  try {
    await ensureBuilt();
    const engine = await bringUpEngine();
    teardown.add('test environment', () => engine.stop());
    const docker = new Docker({ socketPath: engine.socketPath });
    const version = await docker.version();
    environment.engine = { version: version.Version, apiVersion: version.ApiVersion, url: engine.engineUrl, reusedTestEnv: !engine.startedHere };

    // First, on an engine no other measure has filled: the volumes list also lists the containers (for each volume's users).
    if (settings.volumes) {
      const volumes = await runVolumesMeasures({ engineUrl: engine.engineUrl, socketPath: engine.socketPath, docker, image: engine.image, settings, chromiumArgs });
      Object.assign(measures, volumes.measures);
      teardownProblems.push(...volumes.teardownProblems);
    }

    // Before the fleet: its running containers would be streamed too.
    if (settings.stats) {
      const stats = await runStatsMeasures({ engineUrl: engine.engineUrl, docker, image: engine.image, cliEnv: engine.cliEnv, settings, chromiumArgs });
      Object.assign(measures, stats.measures);
      teardownProblems.push(...stats.teardownProblems);
    }

    if (settings.core) {
      teardown.add('bench containers', () => removeFleet(docker));
      await removeFleet(docker); // leftovers of an interrupted run
      const fleet = await createFleet(docker, engine.image, { total: settings.containers, running: settings.running, probes: settings.starts });
      environment.containers = { inEngine: (await rawListContainers(engine.socketPath)).count, createdByBench: fleet.created, running: fleet.running, stoppedProbes: fleet.probeNames.length };

      // A host talking to the engine directly, a fresh one per measure: the raw baselines use the same socket.
      const direct = <T>(what: string, measure: (hostUrl: string) => Promise<T>) =>
        attempt(what, async () => {
          const serve = await startBerthServe(engine.engineUrl, 'direct');
          try {
            return await measure(serve.url);
          } finally {
            await serve.stop();
          }
        });
      const common = { socketPath: engine.socketPath, cliEnv: engine.cliEnv };
      measures.containersList = await direct('containers.list latency', (hostUrl) =>
        measureListLatency({ ...common, hostUrl, iterations: settings.listIterations, warmup: settings.warmup }),
      );
      // Before the page measures: these make and remove containers, which an open page would react to.
      measures.createStart = await direct('create and start', (hostUrl) =>
        measureCreateStart({ ...common, hostUrl, docker, image: engine.image, runs: settings.createRuns, warmup: settings.warmup }),
      );
      measures.bulkStop = await direct('bulk stop', (hostUrl) =>
        measureBulkStop({ hostUrl, cliEnv: engine.cliEnv, docker, image: engine.image, containers: settings.stopContainers, rounds: settings.stopRounds }),
      );
      measures.terminal = await direct('terminal', (hostUrl) =>
        measureTerminal({ hostUrl, cliEnv: engine.cliEnv, docker, image: engine.image, outputBytes: settings.terminalBytes, outputRuns: settings.terminalRuns, keystrokes: settings.keystrokes }),
      );

      // What the page measures start is stopped before the several-engines measures (an open page reacts to their containers).
      const pagePhase = new Teardown();
      teardown.add('page measures', async () => {
        const problems = await pagePhase.run();
        if (problems.length > 0) throw new Error(problems.join('; '));
      });
      const proxy = await startEngineProxy(engine.socketPath);
      pagePhase.add('engine proxy', () => proxy.close());
      const serve = await startBerthServe(proxy.url, 'via proxy');
      pagePhase.add('berth serve', () => serve.stop());
      await untilEventsStreamOpen(proxy, settings.timeoutMs);
      const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
      pagePhase.add('browser', () => browser.close());
      environment.chromium = browser.version();
      const events = await watchStartEvents(docker);
      pagePhase.add('engine events', () => Promise.resolve(events.dispose()));

      const shown: { page?: Page } = {};
      measures.pageOpen = await attempt('page open', async () => {
        // Counted now, after the measures that make containers: the engine may be shared with others.
        const expectedCount = (await rawListContainers(engine.socketPath)).count;
        const opened = await measurePageOpen({ browser, hostUrl: serve.url, proxy, expectedCount, runs: settings.pageRuns, timeoutMs: settings.timeoutMs });
        shown.page = opened.page;
        return opened.result;
      });
      const openPage = shown.page;
      const skipped = { error: 'skipped: the page never showed the full list (see pageOpen)' };
      measures.idle = openPage ? await attempt('idle engine calls', () => measureIdleCalls(proxy, settings.idleSeconds)) : skipped;
      measures.startToRow = openPage
        ? await attempt('start to row', () =>
            measureStartToRow({ page: openPage, events, names: fleet.probeNames, filterText: probePrefix, cliEnv: engine.cliEnv, timeoutMs: settings.timeoutMs }),
          )
        : skipped;
      teardownProblems.push(...(await pagePhase.run()));
    }

    if (settings.logs) {
      const logs = await runLogsMeasures({ engineUrl: engine.engineUrl, docker, image: engine.image, cliEnv: engine.cliEnv, settings, chromiumArgs });
      Object.assign(measures, logs.measures);
      teardownProblems.push(...logs.teardownProblems);
    }

    if (settings.build) {
      const build = await runBuildMeasures({ engineUrl: engine.engineUrl, docker, image: engine.image, cliEnv: engine.cliEnv, settings });
      Object.assign(measures, build.measures);
      teardownProblems.push(...build.teardownProblems);
    }

    if (settings.images) {
      const images = await runImagesMeasures({ engineUrl: engine.engineUrl, image: engine.image, cliEnv: engine.cliEnv, settings });
      Object.assign(measures, images.measures);
      teardownProblems.push(...images.teardownProblems);
    }

    if (settings.registries) {
      const registries = await runRegistriesMeasures({ engineUrl: engine.engineUrl, settings, chromiumArgs });
      Object.assign(measures, registries.measures);
      teardownProblems.push(...registries.teardownProblems);
    }

    if (settings.networks) {
      const networks = await runNetworksMeasures({ engineUrl: engine.engineUrl, image: engine.image, cliEnv: engine.cliEnv, settings });
      Object.assign(measures, networks.measures);
      teardownProblems.push(...networks.teardownProblems);
    }

    if (settings.dashboard) {
      const dashboard = await runDashboardMeasures({ engineUrl: engine.engineUrl, socketPath: engine.socketPath, docker, image: engine.image, cliEnv: engine.cliEnv, settings, chromiumArgs });
      Object.assign(measures, dashboard.measures);
      teardownProblems.push(...dashboard.teardownProblems);
    }

    if (settings.runCommand) {
      measures.runCommand = await attempt('pasted command of 100 flags', () =>
        measureRunCommand({ engineUrl: engine.engineUrl, image: engine.image, runs: settings.runCommandRuns, warmup: settings.warmup }),
      );
    }

    if (settings.engines) {
      const engines = await runEngineMeasures({ testEnv: engine.testEnv, image: engine.image, cliEnv: engine.cliEnv, settings });
      Object.assign(measures, engines.measures);
      environment.engines = engines.environment;
      teardownProblems.push(...engines.teardownProblems);
    }
  } catch (error) {
    fatal = errorMessage(error);
    log(`failed: ${fatal}`);
  } finally {
    teardownProblems.push(...(await teardown.run()));
  }

  const targets = judgeTargets(measures);
  const document = {
    benchmark: 'berth',
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    settings,
    environment,
    ...(fatal === null ? {} : { error: fatal }),
    measures,
    notes: methodNotes,
    targets,
    allTargetsPass: targets.every((target) => target.pass === true),
    ...(teardownProblems.length === 0 ? {} : { teardownProblems }),
  };
  const file = await writeReport(document);
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  log(`wrote ${file}`);
  return fatal === null && teardownProblems.length === 0 ? 0 : 1;
}

/** The host is connected to the engine once its `/events` stream is open (it opens it when it connects). */
async function untilEventsStreamOpen(proxy: EngineProxy, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!proxy.requests.some((request) => /^(\/v[\d.]+)?\/events(\?|$)/.test(request.path) && request.firstByteMs !== null)) {
    if (Date.now() > deadline) throw new Error(`berth serve did not open the engine's /events within ${timeoutMs} ms`);
    await delay(50);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    log(`crashed: ${errorMessage(error)}`);
    process.exitCode = 1;
  },
);
