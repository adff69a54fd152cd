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
 * the bench's own (label `berth.bench.stats`), each phase BENCH_STATS_SECONDS long, CPU seconds
 * read from /proc/<pid>/stat (user + system):
 * - idle: the engine (dockerd) alone, nothing streaming;
 * - cli: `docker stats` streaming the same containers, dockerd + the CLI;
 * - page: `berth serve` with the Containers page open in Chromium (tall enough for every row to
 *   be on screen), dockerd + berth serve (Chromium's own CPU reported beside, not counted: the
 *   CLI's terminal is not counted either);
 * - hidden: the same page hidden (`visibilitychange` with `document.visibilityState` 'hidden'),
 *   dockerd + berth serve; Berth still keeps every running container's history, which costs
 *   the engine one stats stream each: that cost is reported on its own (hidden minus idle).
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
  idleEngine: { dockerd: number; percentOfCore: number };
  cli: ProcessesCpu;
  page: ProcessesCpu;
  hidden: ProcessesCpu;
  ratios: {
    /** page.total / cli.total: target <= 1. */
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
  const { statsContainers: count, statsSeconds: seconds } = options.settings;
  const names = await startContainers(options, count);
  const dockerd = findDockerd(options.engineUrl);
  await delay(3000); // the starts settle

  log(`stats: the idle engine for ${seconds} s`);
  const idle = await cpuOver(seconds, [dockerd]);

  log(`stats: docker stats of ${count} containers for ${seconds} s`);
  const cli = spawn('docker', ['stats', ...names], { env: options.cliEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  const cliExited = new Promise<void>((resolve) => cli.once('exit', () => resolve()));
  // The CLI keeps streaming through SIGTERM when it has no terminal: it is killed.
  const stopCli = async () => {
    if (cli.exitCode === null && cli.signalCode === null) cli.kill('SIGKILL');
    await cliExited;
  };
  phase.add('docker stats', stopCli);
  await delay(3000); // its streams open
  const cliCpu = await cpuOver(seconds, [dockerd, cli.pid ?? -1]);
  await stopCli();

  const serve = await startBerthServe(options.engineUrl, 'stats');
  phase.add('berth serve', () => serve.stop());
  const connection = await connectBerth(serve.url);
  phase.add('client', () => Promise.resolve(connection.dispose()));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: options.chromiumArgs });
  phase.add('browser', () => browser.close());
  // Every row on screen: the header, the toolbar and 44 px a row.
  const page = await browser.newPage({ viewport: { width: 1600, height: 400 + count * 44 } });
  await page.goto(`${serve.url}#/containers`);
  await page.getByRole('meter', { name: /^CPU use of / }).first().waitFor({ timeout: 30_000 });
  await delay(3000);
  const chromiumPids = () => listProcesses().filter((info) => /chrom/.test(info.command) && info.command.includes('--type=')).map((info) => info.pid);

  log(`stats: the Containers page open for ${seconds} s`);
  const pageCpu = await cpuOver(seconds, [dockerd, serve.pid], chromiumPids());

  // What a browser does when its tab goes to the background (the bench has no DOM types: a string).
  await page.evaluate(`
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  `);
  await delay(2000);
  log(`stats: the page hidden for ${seconds} s`);
  const hiddenCpu = await cpuOver(seconds, [dockerd, serve.pid], chromiumPids());

  const idlePercent = percentOf(idle.parts[0] ?? 0, seconds);
  return {
    containers: count,
    seconds,
    idleEngine: { dockerd: round(idle.parts[0] ?? 0), percentOfCore: idlePercent },
    cli: cliCpu.summary,
    page: pageCpu.summary,
    hidden: hiddenCpu.summary,
    ratios: {
      pageOverCli: cliCpu.summary.total > 0 ? round(pageCpu.summary.total / cliCpu.summary.total) : Number.NaN,
      hiddenOverIdlePoints: round(hiddenCpu.summary.percentOfCore - idlePercent),
      engineStatsCostPoints: round(percentOf(hiddenCpu.summary.dockerd, seconds) - idlePercent),
    },
  };

  async function cpuOver(window: number, pids: number[], extra: number[] = []) {
    const read = (list: number[]) => list.map((pid) => cpuSecondsOf(pid) ?? 0);
    const before = read(pids);
    const extraBefore = read(extra);
    await delay(window * 1000);
    const parts = read(pids).map((after, index) => after - (before[index] ?? 0));
    const chromiumSeconds = read(extra).reduce((sum, after, index) => sum + after - (extraBefore[index] ?? 0), 0);
    const total = parts.reduce((sum, part) => sum + part, 0);
    const summary: ProcessesCpu = {
      dockerd: round(parts[0] ?? 0),
      client: round(parts[1] ?? 0),
      total: round(total),
      percentOfCore: percentOf(total, window),
      ...(extra.length > 0 ? { chromium: round(chromiumSeconds) } : {}),
    };
    return { parts, summary };
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
