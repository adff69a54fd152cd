import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import Docker from 'dockerode';
import { benchLabel, removeNamed } from './bench-containers.js';
import { connectBerth } from './berth-client.js';
import { startBerthServe, type RunningServe } from './berth-serve.js';
import { bringUpEngine } from './environment.js';
import { literal, logsProbeScript, pageNow, waitShown, watchFor } from './logs-probe.js';
import { lineText, linesCommand, writeLogContainer } from './logs-source.js';
import { cpuSecondsOf, cpuSecondsOfAll, cpuSplitOf, descendantsOf, listProcesses } from './process-cpu.js';
import { round } from './stats.js';
import { delay, envInt, log } from './support.js';

/**
 * The CPU the log view costs per line, steady where wall times are not (a shared machine):
 * `npx tsx bench/logs-cpu.ts` (after `npm run build`; uses the running test environment, or
 * starts one). One container writes LOGS_CPU_LINES lines (default 1,000,000, about 100 MB) and
 * exits, once (kept for later runs under the same name and count); then LOGS_CPU_RUNS times:
 *
 * - LOGS_CPU_MODE=view (default): the container's Logs tab in Chromium, from choosing "All
 *   lines" until the status counts every line;
 * - follow: the Logs tab of a fresh container writing the lines, from its start until the last
 *   line is painted;
 * - serve: `logs.follow {follow: false}` read by this process over the WebSocket (no browser).
 *
 * For each: the CPU seconds (user + system, /proc) of `berth serve`, of Chromium's renderer
 * processes and its other processes, and of the engine's dockerd, meanwhile; and what the
 * renderer's DevTools counts (Performance.getMetrics: task, script, layout and style time).
 * Printed as JSON on stdout, with the medians per million lines. LOGS_CPU_PROFILE=DIR also
 * writes CPU profiles there: the serve process's (node --cpu-prof, on exit) and the renderer's
 * of each run (CDP Profiler); `npx tsx bench/cpu-profile-summary.ts FILE` sums them up.
 * LOGS_CPU_TRACE=DIR writes a Chromium trace of each run there (`npx tsx bench/trace-summary.ts
 * FILE` sums the renderer's events up by name and thread).
 */

type Mode = 'view' | 'follow' | 'serve';

interface Sample {
  wallSeconds: number;
  serve: number;
  /** Of `serve`, in the kernel (system calls: reading the engine, writing the WebSocket). */
  serveSystem: number;
  renderer: number;
  chromiumOther: number;
  dockerd: number;
  /** follow: from the container's exit (the engine's FinishedAt) until its last line was painted. */
  lastLineAfterExitMs?: number;
  devtools?: { taskSeconds: number; scriptSeconds: number; layoutSeconds: number; styleSeconds: number };
}

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const sourceName = 'bench-logs-cpu-source';
const followName = 'bench-logs-cpu-follow';

async function main(): Promise<void> {
  const lines = envInt('LOGS_CPU_LINES', 1_000_000);
  const runs = envInt('LOGS_CPU_RUNS', 3);
  const mode = (process.env.LOGS_CPU_MODE ?? 'view') as Mode;
  if (!['view', 'follow', 'serve'].includes(mode)) throw new Error(`LOGS_CPU_MODE=${mode}: expected view, follow or serve`);
  const profileDir = process.env.LOGS_CPU_PROFILE ? path.resolve(process.env.LOGS_CPU_PROFILE) : null;
  if (profileDir !== null) mkdirSync(profileDir, { recursive: true });
  const traceDir = process.env.LOGS_CPU_TRACE ? path.resolve(process.env.LOGS_CPU_TRACE) : null;
  if (traceDir !== null) mkdirSync(traceDir, { recursive: true });

  const engine = await bringUpEngine();
  const docker = new Docker({ socketPath: engine.socketPath });
  const dockerdPid = findDockerd(engine.engineUrl);
  const cleanups: (() => Promise<void>)[] = [() => engine.stop()];
  try {
    if (mode !== 'follow') await ensureSource(docker, engine.image, lines);
    const serve = await startBerthServe(engine.engineUrl, 'logs-cpu', profileDir === null ? {} : { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] });
    cleanups.unshift(() => serve.stop());
    const samples: Sample[] = [];
    if (mode === 'serve') {
      for (let run = 0; run < runs; run++) samples.push(await measure(serve, dockerdPid, null, readWhole(serve.url, lines)));
    } else {
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
      cleanups.unshift(() => browser.close());
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript({ content: logsProbeScript });
      const page = await context.newPage();
      await page.goto(serve.url, { waitUntil: 'load' });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const engineId = await defaultEngineId(serve.url);
      for (let run = 0; run < runs; run++) {
        const window = mode === 'view' ? await prepareView(page, docker, engineId, lines) : await prepareFollow(page, docker, engine.image, engineId, lines);
        const profiling = profileDir === null ? null : await startProfile(cdp);
        const tracing = traceDir === null ? null : await startTrace(browser, page);
        samples.push(await measure(serve, dockerdPid, cdp, window));
        if (profiling !== null) writeFileSync(path.join(profileDir!, `renderer-${mode}-${run + 1}.cpuprofile`), JSON.stringify(await profiling()));
        if (tracing !== null) writeFileSync(path.join(traceDir!, `trace-${mode}-${run + 1}.json`), await tracing());
        log(`run ${run + 1}/${runs}: ${JSON.stringify(samples.at(-1))}`);
      }
      await removeNamed(docker, [followName]);
    }
    const perMillion = (pick: (sample: Sample) => number) => round(median(samples.map(pick)) * (1_000_000 / lines), 2);
    const result = {
      mode,
      lines,
      runs: samples,
      medianCpuSecondsPerMillionLines: {
        serve: perMillion((s) => s.serve),
        renderer: perMillion((s) => s.renderer),
        chromiumOther: perMillion((s) => s.chromiumOther),
        dockerd: perMillion((s) => s.dockerd),
        ...(samples[0]?.devtools ? { rendererDevtoolsTask: perMillion((s) => s.devtools?.taskSeconds ?? 0), rendererDevtoolsScript: perMillion((s) => s.devtools?.scriptSeconds ?? 0) } : {}),
      },
      medianWallSeconds: round(median(samples.map((s) => s.wallSeconds)), 2),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  }
}

/** CPU seconds of each side while `window` runs (it starts the work and resolves when it is done). */
async function measure(serve: RunningServe, dockerdPid: number | null, cdp: CDPSession | null, window: () => Promise<number | void>): Promise<Sample> {
  const chromiumPids = () => {
    const all = descendantsOf(process.pid, listProcesses()).filter((info) => /chrom/i.test(info.command) && !info.command.includes('bin/berth.js'));
    return { renderer: all.filter((info) => info.command.includes('--type=renderer')).map((info) => info.pid), other: all.filter((info) => !info.command.includes('--type=renderer')).map((info) => info.pid) };
  };
  const pids = chromiumPids();
  const serveSystem = () => cpuSplitOf(serve.pid)?.system ?? 0;
  const before = { serveSystem: serveSystem(), serve: cpuSecondsOf(serve.pid) ?? 0, renderer: cpuSecondsOfAll(pids.renderer), other: cpuSecondsOfAll(pids.other), dockerd: dockerdPid === null ? 0 : (cpuSecondsOf(dockerdPid) ?? 0), metrics: cdp === null ? null : await metricsOf(cdp) };
  const started = performance.now();
  const lastLineAfterExitMs = await window();
  const wallSeconds = (performance.now() - started) / 1000;
  const after = { serveSystem: serveSystem(), serve: cpuSecondsOf(serve.pid) ?? 0, renderer: cpuSecondsOfAll(pids.renderer), other: cpuSecondsOfAll(pids.other), dockerd: dockerdPid === null ? 0 : (cpuSecondsOf(dockerdPid) ?? 0), metrics: cdp === null ? null : await metricsOf(cdp) };
  const sample: Sample = {
    wallSeconds: round(wallSeconds, 2),
    serve: round(after.serve - before.serve, 2),
    serveSystem: round(after.serveSystem - before.serveSystem, 2),
    renderer: round(after.renderer - before.renderer, 2),
    chromiumOther: round(after.other - before.other, 2),
    dockerd: round(after.dockerd - before.dockerd, 2),
    ...(typeof lastLineAfterExitMs === 'number' ? { lastLineAfterExitMs: round(lastLineAfterExitMs) } : {}),
  };
  if (before.metrics !== null && after.metrics !== null) {
    const delta = (name: string) => round((after.metrics!.get(name) ?? 0) - (before.metrics!.get(name) ?? 0), 2);
    sample.devtools = { taskSeconds: delta('TaskDuration'), scriptSeconds: delta('ScriptDuration'), layoutSeconds: delta('LayoutDuration'), styleSeconds: delta('RecalcStyleDuration') };
  }
  return sample;
}

/** The source container's Logs tab open with its default tail; answers the window: "All lines" until every line is counted. */
async function prepareView(page: Page, docker: Docker, engineId: string, lines: number): Promise<() => Promise<void>> {
  await page.evaluate(`location.hash = '#/containers'`);
  await delay(300);
  const id = (await docker.getContainer(sourceName).inspect()).Id;
  await watchFor(page, 'tail', '.log-row', literal(lineText(lines)));
  await page.evaluate(`location.hash = ${JSON.stringify(`#/containers/${encodeURIComponent(engineId)}/${encodeURIComponent(id)}/logs`)}`);
  await waitShown(page, 'tail', 60_000);
  await delay(500);
  return async () => {
    await watchFor(page, 'all', '.log-status', `^${literal(lines.toLocaleString('en-US'))} lines`);
    await pageNow(page);
    await page.getByRole('combobox', { name: 'Tail', exact: true }).selectOption({ label: 'All lines' });
    await waitShown(page, 'all', 600_000);
  };
}

/** The Logs tab of a fresh container that will write the lines; answers the window: its start until its last line is painted. */
async function prepareFollow(page: Page, docker: Docker, image: string, engineId: string, lines: number): Promise<() => Promise<number>> {
  await page.evaluate(`location.hash = '#/containers'`);
  await removeNamed(docker, [followName]);
  const container = await docker.createContainer({ name: followName, Image: image, Cmd: linesCommand(lines), Labels: { [benchLabel]: '1' }, HostConfig: { NetworkMode: 'none' } });
  await page.evaluate(`location.hash = ${JSON.stringify(`#/containers/${encodeURIComponent(engineId)}/${encodeURIComponent(container.id)}/logs`)}`);
  await page.getByRole('log', { name: `Log of ${followName}`, exact: true }).waitFor({ timeout: 30_000 });
  await delay(500);
  return async () => {
    await watchFor(page, 'follow', '.log-row', literal(lineText(lines)));
    await container.start();
    const shown = await waitShown(page, 'follow', 600_000);
    const finishedAt = (await container.inspect()).State.FinishedAt;
    return shown.frameMs - Date.parse(finishedAt.replace(/(\.\d{3})\d*/, '$1'));
  };
}

/** Reads the whole log with `logs.follow {follow: false}` in this process, counting lines. */
function readWhole(hostUrl: string, lines: number): () => Promise<void> {
  return async () => {
    const connection = await connectBerth(hostUrl);
    try {
      const count = await new Promise<number>((resolve, reject) => {
        let seen = 0;
        const subscription = connection.client.subscribe(
          'logs.follow',
          { id: sourceName, follow: false },
          {
            onEvent: (event) => {
              if (event.type === 'lines') seen += event.text.length;
            },
            onEnd: () => {
              subscription.dispose();
              resolve(seen);
            },
            onError: reject,
          },
        );
      });
      if (count !== lines) throw new Error(`logs.follow delivered ${count} of ${lines} lines`);
    } finally {
      connection.dispose();
    }
  };
}

/** The source container, written once: kept while it holds `lines` lines. */
async function ensureSource(docker: Docker, image: string, lines: number): Promise<void> {
  const existing = await docker.getContainer(sourceName).inspect().catch(() => null);
  const wanted = linesCommand(lines).join('\0');
  if (existing !== null && existing.State.Status === 'exited' && existing.State.ExitCode === 0 && (existing.Config.Cmd ?? []).join('\0') === wanted) {
    log(`${sourceName}: reusing its ${lines} lines`);
    return;
  }
  await writeLogContainer(docker, image, sourceName, lines);
}

function findDockerd(engineUrl: string): number | null {
  const found = listProcesses().find((info) => /(^|\/)dockerd /.test(info.command) && info.command.includes(`--host=${engineUrl}`));
  if (!found) log(`no dockerd with --host=${engineUrl} found: its CPU is left out`);
  return found?.pid ?? null;
}

async function metricsOf(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return new Map(metrics.map((metric) => [metric.name, metric.value]));
}

async function startProfile(cdp: CDPSession): Promise<() => Promise<unknown>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Profiler.disable');
    return profile;
  };
}

/** A Chromium trace of the page (what its threads did, by event), as JSON text. */
async function startTrace(browser: Browser, page: Page): Promise<() => Promise<string>> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'toplevel'] });
  return async () => (await browser.stopTracing()).toString('utf8');
}

async function defaultEngineId(hostUrl: string): Promise<string> {
  const connection = await connectBerth(hostUrl);
  try {
    for (let tries = 0; tries < 100; tries++) {
      const info = await connection.client.call('engine.info', {});
      if (info.state === 'connected') return info.engineId;
      await delay(100);
    }
    throw new Error('berth serve did not connect to its engine');
  } finally {
    connection.dispose();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
