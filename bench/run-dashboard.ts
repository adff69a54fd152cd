import http from 'node:http';
import { chromium } from '@playwright/test';
import type Docker from 'dockerode';
import { startBerthServe } from './berth-serve.js';
import { runDocker } from './docker-cli.js';
import type { Measures } from './report.js';
import type { BenchSettings } from './settings.js';
import { round, summarize, type Summary } from './stats.js';
import { attempt, delay, log } from './support.js';
import { Teardown } from './teardown.js';

/**
 * The Dashboard measure (issue 14), on an engine holding BENCH_DASHBOARD_CONTAINERS created
 * containers and BENCH_DASHBOARD_IMAGES images of the bench's own (label `berth.bench.dashboard`):
 * in Chromium, from the hash change to `#/dashboard` (from the Containers page, as a person
 * clicks) until every number is on screen, timed twice: the quick ones (engine facts and
 * totals, from `system.info` and the live stores) and all of them (the disk usage table too,
 * which waits for the engine's `GET /system/df`: it sizes every container's writable layer).
 * In the same run, the baselines: `docker system df` and `docker info` spawned to exit, and the
 * raw `GET /system/df` and `GET /info` on the engine socket. Everything it makes is removed.
 */

export interface DashboardMeasure {
  containers: number;
  images: number;
  runs: number;
  /** Chromium: hash change to the facts and totals of the engine shown. */
  quickNumbersMs: Summary;
  /** Chromium: hash change to every number, the disk usage table included. */
  allNumbersMs: Summary;
  /** `docker system df` and `docker info`, spawn to exit. */
  cli: { systemDfMs: Summary; infoMs: Summary };
  /** `GET /system/df` and `GET /info` on the engine socket, body parsed. */
  raw: { systemDfMs: Summary; infoMs: Summary };
  ratios: { allNumbersOverCliSystemDfMedian: number; quickNumbersOverCliInfoMedian: number };
}

export interface DashboardMeasureOptions {
  engineUrl: string;
  socketPath: string;
  docker: Docker;
  image: string;
  cliEnv: NodeJS.ProcessEnv;
  settings: BenchSettings;
  chromiumArgs: string[];
}

const label = 'berth.bench.dashboard';
const imageRepository = 'bench-dashboard-image';

export async function runDashboardMeasures(options: DashboardMeasureOptions): Promise<{ measures: Pick<Measures, 'dashboard'>; teardownProblems: string[] }> {
  const phase = new Teardown();
  const measures: Pick<Measures, 'dashboard'> = {};
  try {
    phase.add('bench dashboard objects', () => removeBenchObjects(options.docker));
    await removeBenchObjects(options.docker); // leftovers of an interrupted run
    const made = await makeObjects(options);
    const serve = await startBerthServe(options.engineUrl, 'dashboard');
    phase.add('berth serve', () => serve.stop());
    measures.dashboard = await attempt('dashboard', () => measureDashboard(serve.url, options, made));
  } catch (error) {
    measures.dashboard ??= { error: error instanceof Error ? error.message : String(error) };
  }
  return { measures, teardownProblems: await phase.run() };
}

/** The containers (created, never started, 16 at a time) and the images (commits of one container, each with its own label, so each has its own id). */
async function makeObjects(options: DashboardMeasureOptions): Promise<{ containers: number; images: number }> {
  const { dashboardContainers: containers, dashboardImages: images } = options.settings;
  log(`dashboard: creating ${containers} containers and ${images} images`);
  for (let start = 0; start < containers; start += 16) {
    const batch = Array.from({ length: Math.min(16, containers - start) }, (_, offset) => start + offset);
    await Promise.all(
      batch.map((index) =>
        options.docker.createContainer({ name: `bench-dashboard-${String(index).padStart(5, '0')}`, Image: options.image, Cmd: ['true'], Labels: { [label]: '1' }, HostConfig: { NetworkMode: 'none' } }),
      ),
    );
  }
  const source = await options.docker.createContainer({ name: 'bench-dashboard-source', Image: options.image, Cmd: ['true'], Labels: { [label]: '1' }, HostConfig: { NetworkMode: 'none' } });
  for (let start = 0; start < images; start += 8) {
    const batch = Array.from({ length: Math.min(8, images - start) }, (_, offset) => start + offset);
    await Promise.all(batch.map((index) => source.commit({ repo: imageRepository, tag: String(index), changes: [`LABEL ${label}=${index}`] })));
  }
  return { containers: containers + 1, images };
}

async function removeBenchObjects(docker: Docker): Promise<void> {
  const containers = await docker.listContainers({ all: true, filters: { label: [label] } });
  for (let start = 0; start < containers.length; start += 16) {
    await Promise.all(containers.slice(start, start + 16).map((container) => docker.getContainer(container.Id).remove({ force: true }).catch(() => undefined)));
  }
  const images = await docker.listImages({ filters: { reference: [imageRepository] } });
  for (let start = 0; start < images.length; start += 16) {
    await Promise.all(images.slice(start, start + 16).map((image) => docker.getImage(image.Id).remove({ force: true }).catch(() => undefined)));
  }
}

/** One raw GET on the engine socket, timed to its body parsed. */
function rawGetMs(socketPath: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const request = http.get({ socketPath, path, headers: { Host: 'docker' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (response.statusCode !== 200) return reject(new Error(`GET ${path} answered ${String(response.statusCode)}`));
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
        resolve(performance.now() - start);
      });
    });
    request.on('error', reject);
  });
}

async function measureDashboard(hostUrl: string, options: DashboardMeasureOptions, made: { containers: number; images: number }): Promise<DashboardMeasure> {
  const runs = options.settings.dashboardRuns;
  const timeoutMs = options.settings.timeoutMs;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: options.chromiumArgs });
  const samples = { quick: [] as number[], all: [] as number[], cliDf: [] as number[], cliInfo: [] as number[], rawDf: [] as number[], rawInfo: [] as number[] };
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(hostUrl, { waitUntil: 'load' });
    for (let run = -1; run < runs; run++) {
      // From the Containers page with its list in, as a person clicks through; the Dashboard unmounted before.
      await page.evaluate(`location.hash = '#/containers'`);
      await page.getByRole('heading', { level: 1, name: 'Containers' }).waitFor({ timeout: timeoutMs });
      await delay(500);
      const times = await page.evaluate<{ quickMs: number; allMs: number }>(dashboardProbeScript(timeoutMs));
      // The baselines, interleaved with the page so each run sees the same engine.
      const cliDf = await runDocker(['system', 'df'], options.cliEnv, timeoutMs);
      const cliInfo = await runDocker(['info'], options.cliEnv, timeoutMs);
      const rawDf = await rawGetMs(options.socketPath, '/system/df');
      const rawInfo = await rawGetMs(options.socketPath, '/info');
      log(`dashboard ${run + 1}/${runs}: quick numbers ${round(times.quickMs)} ms, all ${round(times.allMs)} ms; docker system df ${round(cliDf.endMs - cliDf.startMs)} ms, docker info ${round(cliInfo.endMs - cliInfo.startMs)} ms`);
      if (run < 0) continue; // warm-up
      samples.quick.push(times.quickMs);
      samples.all.push(times.allMs);
      samples.cliDf.push(cliDf.endMs - cliDf.startMs);
      samples.cliInfo.push(cliInfo.endMs - cliInfo.startMs);
      samples.rawDf.push(rawDf);
      samples.rawInfo.push(rawInfo);
    }
    await context.close();
  } finally {
    await browser.close();
  }
  const quickNumbersMs = summarize(samples.quick);
  const allNumbersMs = summarize(samples.all);
  const cli = { systemDfMs: summarize(samples.cliDf), infoMs: summarize(samples.cliInfo) };
  return {
    containers: made.containers,
    images: made.images,
    runs,
    quickNumbersMs,
    allNumbersMs,
    cli,
    raw: { systemDfMs: summarize(samples.rawDf), infoMs: summarize(samples.rawInfo) },
    ratios: {
      allNumbersOverCliSystemDfMedian: round(allNumbersMs.medianMs / cli.systemDfMs.medianMs, 3),
      quickNumbersOverCliInfoMedian: round(quickNumbersMs.medianMs / cli.infoMs.medianMs, 3),
    },
  };
}

/**
 * In the page (a string: the bench has no DOM types): set the hash to the Dashboard, then resolve
 * with the ms to the first animation frame in which the first engine's facts and totals all show
 * a value (not `–`, not `loading…`), and to the first in which its disk usage table is there too.
 */
function dashboardProbeScript(timeoutMs: number): string {
  return `new Promise((resolve, reject) => {
    const start = performance.now();
    let quickMs = null;
    location.hash = '#/dashboard';
    const check = () => {
      const engine = document.querySelector('section.dashboard-engine');
      if (engine) {
        const values = [...engine.querySelectorAll('.dashboard-facts dd')].map((dd) => dd.textContent || '');
        const quick = values.length > 0 && values.every((text) => text !== '–' && !text.includes('loading'));
        if (quick && quickMs === null) quickMs = performance.now() - start;
        const rows = engine.querySelectorAll('table[aria-label="Disk usage by kind"] tbody tr');
        if (quick && rows.length === 4) return resolve({ quickMs, allMs: performance.now() - start });
      }
      if (performance.now() - start > ${timeoutMs}) return reject(new Error('the Dashboard did not show every number within ${timeoutMs} ms'));
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`;
}
