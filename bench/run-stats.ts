import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import type Docker from 'dockerode';
import { connectBerth } from './berth-client.js';
import { startBerthServe } from './berth-serve.js';
import { cpuSecondsOf, listProcesses } from './process-cpu.js';
import type { Measures } from './report.js';
import type { BenchSettings } from './settings.js';
import { round } from './stats.js';
import { attempt, delay, log } from './support.js';
import { Teardown } from './teardown.js';

/**
 * The stats cost measure (issue 14), on BENCH_STATS_CONTAINERS running busybox containers of
 * the bench's own (label `berth.bench.stats`), CPU seconds read from /proc/<pid>/stat (user +
 * system). BENCH_STATS_ROUNDS rounds, each of three phases BENCH_STATS_SECONDS long, so that a
 * drift of the engine's own cost over the run (it varies by about a tenth between minutes) falls
 * on both sides alike instead of on whichever phase came later:
 * - cli: `docker stats` streaming the same containers, dockerd + the CLI;
 * - page: `berth serve` with the Containers page open in Chromium (tall enough for every row to
 *   be on screen), dockerd + berth serve (Chromium's own CPU reported beside, not counted: the
 *   CLI's terminal is not counted either);
 * - hidden: the same page hidden (`visibilitychange` with `document.visibilityState` 'hidden'),
 *   dockerd + berth serve; Berth still keeps every running container's history. It reads it
 *   from this machine's cgroups (the engine runs here), or with BENCH_STATS_FROM_ENGINE=1 from
 *   one engine stats stream each, as for an engine elsewhere: then the engine's cost of those
 *   streams is reported on its own (hidden minus idle).
 * berth serve and Chromium are stopped after each round's hidden phase, so nothing of Berth's
 * runs during the CLI's phases. Each side is measured once it is going: BENCH_STATS_SETTLE_SECONDS
 * after the CLI starts, and after the page shows its first bar (a backend just started spends
 * its first ten seconds or so reading limits, opening streams and compiling its code, which a
 * fresh start every round would otherwise count three times). The idle engine (nothing streaming) is measured before the first
 * round and after the last. Sums over the rounds are reported, with each round's ratio.
 * Everything it makes is removed.
 */

export interface ProcessesCpu {
  /** CPU seconds over the phase. */
  dockerd: number;
  /** The CLI, or berth serve. */
  client: number;
  total: number;
  /** total as percent of one core over the phase. */
  percentOfCore: number;
  /** Chromium's processes, for context (the page phases only). */
  chromium?: number;
}

export interface StatsCostMeasure {
  containers: number;
  seconds: number;
  /** Where Berth read the stats: this machine's cgroups (the engine runs here), or the engine's streams (BENCH_STATS_FROM_ENGINE=1). */
  berthReads: 'this machine' | 'engine streams';
  /** dockerd alone, the mean of before the first round and after the last (each given too). */
  idleEngine: { dockerd: number; percentOfCore: number; before: number; after: number };
  cli: ProcessesCpu;
  page: ProcessesCpu;
  hidden: ProcessesCpu;
  rounds: number;
  /** page.total / cli.total of each round, in order. */
  roundRatios: number[];
  ratios: {
    /** page.total / cli.total (sums over the rounds): target <= 1. */
    pageOverCli: number;
    /** hidden.percentOfCore - idleEngine.percentOfCore: target <= 1 (point of a core). */
    hiddenOverIdlePoints: number;
    /** The engine's own cost of streaming stats for every running container (hidden dockerd minus idle dockerd), percent of a core. */
    engineStatsCostPoints: number;
  };
}

export interface StatsMeasuresOptions {
  engineUrl: string;
  docker: Docker;
  image: string;
  cliEnv: NodeJS.ProcessEnv;
  settings: BenchSettings;
  chromiumArgs: string[];
}

const label = 'berth.bench.stats';

export async function runStatsMeasures(options: StatsMeasuresOptions): Promise<{ measures: Pick<Measures, 'statsCost'>; teardownProblems: string[] }> {
  const phase = new Teardown();
  const measures: Pick<Measures, 'statsCost'> = {};
  phase.add('bench stats containers', () => removeContainers(options.docker));
  measures.statsCost = await attempt('stats cost', async () => {
    await removeContainers(options.docker); // leftovers of an interrupted run
    return measureCost(options, phase);
  });
  return { measures, teardownProblems: await phase.run() };
}

async function measureCost(options: StatsMeasuresOptions, phase: Teardown): Promise<StatsCostMeasure> {
  const { statsContainers: count, statsSeconds: seconds, statsRounds: rounds } = options.settings;
  const names = await startContainers(options, count);
  const dockerd = findDockerd(options.engineUrl);
  await delay(3000); // the starts settle

  log(`stats: the idle engine for ${seconds} s`);
  const idleBefore = await cpuOver(seconds, [dockerd]);
  const cli: CpuSample[] = [];
  const page: CpuSample[] = [];
  const hidden: CpuSample[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    log(`stats: round ${round} of ${rounds}: docker stats of ${count} containers for ${seconds} s`);
    cli.push(await cliPhase(options, phase, names, (cliPid) => cpuOver(seconds, [dockerd, cliPid])));
    log(`stats: round ${round} of ${rounds}: the Containers page open, then hidden, ${seconds} s each`);
    const [open, away] = await pagePhases(options, phase, count, (pids, extra) => cpuOver(seconds, pids, extra), dockerd);
    page.push(open);
    hidden.push(away);
  }
  log(`stats: the idle engine again for ${seconds} s`);
  const idleAfter = await cpuOver(seconds, [dockerd]);

  const idleDockerd = ((idleBefore.parts[0] ?? 0) + (idleAfter.parts[0] ?? 0)) / 2;
  const idlePercent = percentOf(idleDockerd, seconds);
  const cliSum = summed(cli, seconds * rounds);
  const pageSum = summed(page, seconds * rounds);
  const hiddenSum = summed(hidden, seconds * rounds);
  return {
    containers: count,
    berthReads: options.settings.statsFromEngine ? 'engine streams' : 'this machine',
    seconds,
    rounds,
    idleEngine: { dockerd: round(idleDockerd), percentOfCore: idlePercent, before: round(idleBefore.parts[0] ?? 0), after: round(idleAfter.parts[0] ?? 0) },
    cli: cliSum,
    page: pageSum,
    hidden: hiddenSum,
    roundRatios: page.map((open, index) => round(open.total / (cli[index]?.total ?? Number.NaN))),
    ratios: {
      pageOverCli: cliSum.total > 0 ? round(pageSum.total / cliSum.total) : Number.NaN,
      hiddenOverIdlePoints: round(hiddenSum.percentOfCore - idlePercent),
      engineStatsCostPoints: round(percentOf(hiddenSum.dockerd, seconds * rounds) - idlePercent),
    },
  };
}

/** CPU seconds of one phase: [dockerd, client] and Chromium's beside. */
interface CpuSample {
  parts: number[];
  total: number;
  chromium: number | null;
}

async function cpuOver(window: number, pids: number[], extra: number[] = []): Promise<CpuSample> {
  const read = (list: number[]) => list.map((pid) => cpuSecondsOf(pid) ?? 0);
  const before = read(pids);
  const extraBefore = read(extra);
  await delay(window * 1000);
  const parts = read(pids).map((after, index) => after - (before[index] ?? 0));
  const chromiumSeconds = read(extra).reduce((sum, after, index) => sum + after - (extraBefore[index] ?? 0), 0);
  return { parts, total: parts.reduce((sum, part) => sum + part, 0), chromium: extra.length > 0 ? chromiumSeconds : null };
}

function summed(samples: CpuSample[], seconds: number): ProcessesCpu {
  const sum = (pick: (sample: CpuSample) => number) => samples.reduce((total, sample) => total + pick(sample), 0);
  const total = sum((sample) => sample.total);
  const chromium = samples.every((sample) => sample.chromium !== null) ? { chromium: round(sum((sample) => sample.chromium ?? 0)) } : {};
  return {
    dockerd: round(sum((sample) => sample.parts[0] ?? 0)),
    client: round(sum((sample) => sample.parts[1] ?? 0)),
    total: round(total),
    percentOfCore: percentOf(total, seconds),
    ...chromium,
  };
}

/** `docker stats` of the containers, its streams open, measured, then killed. */
async function cliPhase(options: StatsMeasuresOptions, phase: Teardown, names: string[], measure: (cliPid: number) => Promise<CpuSample>): Promise<CpuSample> {
  const cli = spawn('docker', ['stats', ...names], { env: options.cliEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  const cliExited = new Promise<void>((resolve) => cli.once('exit', () => resolve()));
  // The CLI keeps streaming through SIGTERM when it has no terminal: it is killed.
  const stopCli = async () => {
    if (cli.exitCode === null && cli.signalCode === null) cli.kill('SIGKILL');
    await cliExited;
  };
  const registered = phase.add('docker stats', stopCli);
  try {
    await delay(options.settings.statsSettleSeconds * 1000); // its streams open, its start is over
    return await measure(cli.pid ?? -1);
  } finally {
    await stopCli();
    registered();
  }
}

/** berth serve and the Containers page in Chromium: measured open, then hidden; then both stopped. */
async function pagePhases(
  options: StatsMeasuresOptions,
  phase: Teardown,
  count: number,
  measure: (pids: number[], extra: number[]) => Promise<CpuSample>,
  dockerd: number,
): Promise<[CpuSample, CpuSample]> {
  const round = new Teardown();
  const registered = phase.add('berth serve and its page', async () => {
    const problems = await round.run();
    if (problems.length > 0) throw new Error(problems.join('; '));
  });
  try {
    const serve = await startBerthServe(options.engineUrl, 'stats', options.settings.statsFromEngine ? { env: { ...process.env, BERTH_STATS_FROM_ENGINE: '1' } } : {});
    round.add('berth serve', () => serve.stop());
    const connection = await connectBerth(serve.url);
    round.add('client', () => Promise.resolve(connection.dispose()));
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: options.chromiumArgs });
    round.add('browser', () => browser.close());
    // Every row on screen: the header, the toolbar and 44 px a row.
    const page = await browser.newPage({ viewport: { width: 1600, height: 400 + count * 44 } });
    await page.goto(`${serve.url}#/containers`);
    await page.getByRole('meter', { name: /^CPU use of / }).first().waitFor({ timeout: 30_000 });
    // The backend's start (reading every container's limits, opening 50 streams, compiling its
    // code as it first runs) is over: what is measured is the cost of keeping the page open.
    await delay(options.settings.statsSettleSeconds * 1000);
    const chromiumPids = () => listProcesses().filter((info) => /chrom/.test(info.command) && info.command.includes('--type=')).map((info) => info.pid);
    const open = await measure([dockerd, serve.pid], chromiumPids());
    // What a browser does when its tab goes to the background (the bench has no DOM types: a string).
    await page.evaluate(`
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    `);
    await delay(2000);
    const away = await measure([dockerd, serve.pid], chromiumPids());
    return [open, away];
  } finally {
    const problems = await round.run();
    registered();
    if (problems.length > 0) log(`stats: stopping a round: ${problems.join('; ')}`);
  }
}

function percentOf(cpuSeconds: number, seconds: number): number {
  return round((cpuSeconds / seconds) * 100);
}

async function startContainers(options: StatsMeasuresOptions, count: number): Promise<string[]> {
  const names = Array.from({ length: count }, (_, index) => `bench-stats-${String(index).padStart(3, '0')}`);
  log(`stats: starting ${count} containers`);
  for (const name of names) {
    const container = await options.docker.createContainer({ name, Image: options.image, Cmd: ['sleep', '86400'], Labels: { [label]: '1' } });
    await container.start();
  }
  return names;
}

async function removeContainers(docker: Docker): Promise<void> {
  const containers = await docker.listContainers({ all: true, filters: { label: [label] } });
  await Promise.all(containers.map((container) => docker.getContainer(container.Id).remove({ force: true })));
}

function findDockerd(engineUrl: string): number {
  const found = listProcesses().find((info) => /(^|\/)dockerd /.test(info.command) && info.command.includes(`--host=${engineUrl}`));
  if (!found) throw new Error(`no dockerd with --host=${engineUrl} found`);
  return found.pid;
}
