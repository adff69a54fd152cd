import http from 'node:http';
import { chromium, type Browser } from '@playwright/test';
import type Docker from 'dockerode';
import type { BerthClient } from '../runtime/api/index.js';
import { connectBerth } from './berth-client.js';
import { startBerthServe } from './berth-serve.js';
import type { Measures } from './report.js';
import type { BenchSettings } from './settings.js';
import { round, summarize, type Summary } from './stats.js';
import { attempt, delay, log } from './support.js';
import { Teardown } from './teardown.js';

/**
 * The volumes measures (issue 13), on an engine holding BENCH_VOLUME_COUNT volumes of the
 * bench's own (label `berth.bench.volumes`), a tenth of them used by created containers:
 * - list: `volumes.list` over a `berth serve` WebSocket against the engine's own `GET /volumes`
 *   on its socket (the target), interleaved in one process, with the host's live volume list warm
 *   (steady state: made by the first call, kept from the engine's events); the first call of the
 *   host (cold: it makes the live list, which asks the engine for both lists) is reported apart; for context also against the two raw
 *   calls the list needs at once (`GET /volumes` and `GET /containers/json?all=1`, for each
 *   volume's users), and the list asked while a `volumes.sizes` (the engine's disk usage) is in
 *   flight: sizes never delay the list;
 * - browse: a volume with one folder of BENCH_VOLUME_FILES files; `volumes.browse` of it over the
 *   WebSocket, and in Chromium from the hash change to the volume's page on that folder until
 *   its files table has rows (its first screen).
 * Everything it makes is removed.
 */

export interface VolumesListMeasure {
  volumes: number;
  /** Created containers mounting one volume each, so the list has users to find. */
  usersContainers: number;
  iterations: number;
  /**
   * The host's first volumes.list, untimed in `berth`: it makes the live volume list, which asks
   * the engine for `GET /volumes` and the containers list; with `rawAfterCold`, a `GET /volumes`
   * timed right after it, for scale.
   */
  cold: { firstCallMs: number; rawAfterColdMs: number };
  /** volumes.list in steady state: answered from the live list, kept from the engine's events. */
  berth: Summary;
  /** `GET /volumes` on the engine socket, body JSON-parsed. */
  raw: Summary;
  /** `GET /volumes` and `GET /containers/json?all=1` at once, both parsed: what the list needs of the engine. */
  rawWithContainers: Summary;
  /** volumes.list while a volumes.sizes is in flight, and how long that took. */
  duringSizes: { listMs: Summary; sizesMs: number };
  ratios: { berthOverRawMedian: number; berthOverRawWithContainersMedian: number };
}

export interface VolumeBrowseMeasure {
  files: number;
  runs: number;
  /** volumes.browse of the folder over the WebSocket: helper container made, folder read, helper removed. */
  call: Summary;
  /** Chromium: the volume's page opened on the folder until its files table shows rows. */
  firstScreen: Summary;
}

export interface VolumesMeasuresOptions {
  engineUrl: string;
  socketPath: string;
  docker: Docker;
  image: string;
  settings: BenchSettings;
  chromiumArgs: string[];
}

const label = 'berth.bench.volumes';
const browsedVolume = 'bench-volume-browse';
const folder = '/many';

export async function runVolumesMeasures(options: VolumesMeasuresOptions): Promise<{ measures: Pick<Measures, 'volumesList' | 'volumeBrowse'>; teardownProblems: string[] }> {
  const phase = new Teardown();
  const measures: Pick<Measures, 'volumesList' | 'volumeBrowse'> = {};
  try {
    phase.add('bench volumes', () => removeBenchVolumes(options.docker));
    await removeBenchVolumes(options.docker); // leftovers of an interrupted run
    const made = await makeVolumes(options);
    const serve = await startBerthServe(options.engineUrl, 'volumes');
    phase.add('berth serve', () => serve.stop());
    const connection = await connectBerth(serve.url);
    phase.add('client', () => Promise.resolve(connection.dispose()));
    await engineConnected(connection.client);
    measures.volumesList = await attempt('volumes list', () => measureList(connection.client, options, made));
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: options.chromiumArgs });
    phase.add('browser', () => browser.close());
    measures.volumeBrowse = await attempt('volume browse', () => measureBrowse(connection.client, browser, serve.url, options));
  } catch (error) {
    const message = { error: error instanceof Error ? error.message : String(error) };
    measures.volumesList ??= message;
    measures.volumeBrowse ??= message;
  }
  return { measures, teardownProblems: await phase.run() };
}

/** The volumes (16 created at once), a tenth mounted by a created container each, and the folder of files. */
async function makeVolumes(options: VolumesMeasuresOptions): Promise<{ volumes: number; users: number }> {
  const count = options.settings.volumeCount;
  log(`volumes: creating ${count} volumes, ${Math.floor(count / 10)} containers using them, and ${options.settings.volumeFiles} files in one`);
  const names = Array.from({ length: count }, (_, index) => `bench-volume-${String(index).padStart(5, '0')}`);
  for (let start = 0; start < names.length; start += 16) {
    await Promise.all(names.slice(start, start + 16).map((Name) => options.docker.createVolume({ Name, Labels: { [label]: '1' } })));
  }
  const users = names.filter((_, index) => index % 10 === 0);
  for (let start = 0; start < users.length; start += 8) {
    await Promise.all(
      users.slice(start, start + 8).map((volume) =>
        options.docker.createContainer({ name: `${volume}-user`, Image: options.image, Cmd: ['true'], Labels: { [label]: '1' }, HostConfig: { NetworkMode: 'none', Binds: [`${volume}:/data`] } }),
      ),
    );
  }
  await options.docker.createVolume({ Name: browsedVolume, Labels: { [label]: '1' } });
  const script = `mkdir /v${folder} && cd /v${folder} && i=0; while [ $i -lt ${options.settings.volumeFiles} ]; do echo "file $i" > "file-$(printf %05d $i).txt"; i=$((i+1)); done`;
  const filler = await options.docker.createContainer({ Image: options.image, Cmd: ['sh', '-c', script], Labels: { [label]: '1' }, HostConfig: { NetworkMode: 'none', Binds: [`${browsedVolume}:/v`] } });
  await filler.start();
  await filler.wait();
  await filler.remove();
  return { volumes: count + 1, users: users.length };
}

async function removeBenchVolumes(docker: Docker): Promise<void> {
  const filters = { label: [label] };
  for (const container of await docker.listContainers({ all: true, filters })) await docker.getContainer(container.Id).remove({ force: true }).catch(() => undefined);
  const { Volumes } = await docker.listVolumes({ filters });
  for (let start = 0; start < (Volumes ?? []).length; start += 16) {
    await Promise.all((Volumes ?? []).slice(start, start + 16).map((volume) => docker.getVolume(volume.Name).remove().catch(() => undefined)));
  }
}

/** One raw GET on the engine socket, body read and JSON-parsed as any client would; answers the body's size. */
function rawGet(socketPath: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ socketPath, path, headers: { Host: 'docker' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        if (response.statusCode !== 200) return reject(new Error(`GET ${path} answered ${String(response.statusCode)}`));
        JSON.parse(body.toString('utf8'));
        resolve(body.length);
      });
    });
    request.on('error', reject);
  });
}

async function measureList(client: BerthClient, options: VolumesMeasuresOptions, made: { volumes: number; users: number }): Promise<VolumesListMeasure> {
  const { listIterations: iterations, warmup } = options.settings;
  const steps = {
    berth: async () => {
      const list = await client.call('volumes.list', {});
      if (list.filter((volume) => volume.name.startsWith('bench-volume')).length < made.volumes) throw new Error(`volumes.list gave ${list.length} volumes, fewer than the bench made`);
    },
    raw: () => rawGet(options.socketPath, '/volumes'),
    rawWithContainers: () => Promise.all([rawGet(options.socketPath, '/volumes'), rawGet(options.socketPath, '/containers/json?all=1')]),
  };
  // Cold: the host's first list makes its live volume list (both engine lists asked).
  const coldStart = performance.now();
  await steps.berth();
  const firstCallMs = performance.now() - coldStart;
  const rawStart = performance.now();
  await steps.raw();
  const rawAfterColdMs = performance.now() - rawStart;
  log(`volumes list: cold (first) volumes.list ${round(firstCallMs)} ms, GET /volumes ${round(rawAfterColdMs)} ms`);
  log(`volumes list: ${warmup} warm-up + ${iterations} iterations each (volumes.list, GET /volumes, GET /volumes + /containers/json)`);
  for (let index = 0; index < warmup; index++) for (const step of Object.values(steps)) await step();
  const samples = { berth: [] as number[], raw: [] as number[], rawWithContainers: [] as number[] };
  const order = ['berth', 'raw', 'rawWithContainers'] as const;
  for (let index = 0; index < iterations; index++) {
    // Rotate which goes first, so none always runs right after another.
    for (let offset = 0; offset < order.length; offset++) {
      const which = order[(index + offset) % order.length]!;
      const start = performance.now();
      await steps[which]();
      samples[which].push(performance.now() - start);
    }
  }
  // Sizes in flight (the engine walks every volume): the list must not wait for them.
  const sizesStart = performance.now();
  const sizes = client.call('volumes.sizes', {});
  const during: number[] = [];
  for (let index = 0; index < Math.min(5, iterations); index++) {
    const start = performance.now();
    await steps.berth();
    during.push(performance.now() - start);
  }
  await sizes;
  const sizesMs = performance.now() - sizesStart;
  const berth = summarize(samples.berth);
  const raw = summarize(samples.raw);
  const rawWithContainers = summarize(samples.rawWithContainers);
  log(`volumes list: volumes.list p50 ${berth.medianMs} ms, GET /volumes ${raw.medianMs} ms, with /containers/json ${rawWithContainers.medianMs} ms; sizes ${round(sizesMs)} ms`);
  return {
    volumes: made.volumes,
    usersContainers: made.users,
    iterations,
    cold: { firstCallMs: round(firstCallMs), rawAfterColdMs: round(rawAfterColdMs) },
    berth,
    raw,
    rawWithContainers,
    duringSizes: { listMs: summarize(during), sizesMs: round(sizesMs) },
    ratios: { berthOverRawMedian: round(berth.medianMs / raw.medianMs, 3), berthOverRawWithContainersMedian: round(berth.medianMs / rawWithContainers.medianMs, 3) },
  };
}

async function measureBrowse(client: BerthClient, browser: Browser, hostUrl: string, options: VolumesMeasuresOptions): Promise<VolumeBrowseMeasure> {
  const runs = options.settings.volumeRuns;
  const calls: number[] = [];
  for (let run = -1; run < runs; run++) {
    const start = performance.now();
    const listing = await client.call('volumes.browse', { name: browsedVolume, path: folder });
    if (listing.entries.length !== options.settings.volumeFiles) throw new Error(`volumes.browse listed ${listing.entries.length} files, not ${options.settings.volumeFiles}`);
    if (run >= 0) calls.push(performance.now() - start);
  }
  const engineId = (await client.call('engine.info', {})).engineId;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(hostUrl, { waitUntil: 'load' });
    const href = `#/volumes/${encodeURIComponent(engineId)}/${encodeURIComponent(browsedVolume)}?path=${encodeURIComponent(folder)}`;
    const screens: number[] = [];
    for (let run = -1; run < runs; run++) {
      // From the list (the volumes already live), as a person clicks through.
      await page.evaluate(`location.hash = '#/volumes'`);
      await page.getByRole('table', { name: 'Volumes', exact: true }).getByRole('row').nth(1).waitFor({ timeout: options.settings.timeoutMs });
      await delay(300);
      const ms = await page.evaluate<number>(firstScreenScript(href, `Files in ${folder}`, options.settings.volumeFiles, options.settings.timeoutMs));
      if (run >= 0) screens.push(ms);
      log(`volume browse ${run + 1}/${runs}: first screen ${round(ms)} ms`);
    }
    return { files: options.settings.volumeFiles, runs, call: summarize(calls), firstScreen: summarize(screens) };
  } finally {
    await context.close();
  }
}

/**
 * In the page (a string: the bench has no DOM types): set the hash, then resolve with the ms until
 * the first animation frame in which the files table shows a full screen: rows down to the
 * window's bottom edge (or the table's, if it ends above it), or every file when fewer fit. The
 * list arrives in batches as the engine's archive is read, so one row is not yet a screen.
 */
function firstScreenScript(hash: string, table: string, files: number, timeoutMs: number): string {
  return `new Promise((resolve, reject) => {
    const start = performance.now();
    location.hash = ${JSON.stringify(hash)};
    const check = () => {
      const tableElement = document.querySelector(${JSON.stringify(`[role="table"][aria-label="${table}"]`)});
      const rows = tableElement ? tableElement.querySelectorAll('.table-spacer [role="row"]') : [];
      if (rows.length > 0) {
        const lastBottom = rows[rows.length - 1].getBoundingClientRect().bottom;
        const viewBottom = Math.min(window.innerHeight, tableElement.getBoundingClientRect().bottom);
        if (lastBottom >= viewBottom || rows.length >= ${files}) return resolve(performance.now() - start);
      }
      if (performance.now() - start > ${timeoutMs}) return reject(new Error('no full screen of files within ${timeoutMs} ms'));
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`;
}

async function engineConnected(client: BerthClient, timeoutMs = 30_000): Promise<void> {
  const started = performance.now();
  while ((await client.call('engine.info', {})).state !== 'connected') {
    if (performance.now() - started > timeoutMs) throw new Error(`the host did not connect to its engine within ${timeoutMs} ms`);
    await delay(100);
  }
}
