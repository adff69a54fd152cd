import { spawn } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import type Docker from 'dockerode';
import { benchLabel, removeNamed } from './bench-containers.js';
import { connectBerth } from './berth-client.js';
import { heapAfterGcMiB, lastInputAt, literal, logsProbeScript, longTasksSince, pageNow, waitShown, watchFor, type LongTask } from './logs-probe.js';
import { lineText, linesCommand } from './logs-source.js';
import { round, summarize, type Summary } from './stats.js';
import { delay, log } from './support.js';

/**
 * (i) The log view in Chromium, on a container that has written LINES lines (`name`):
 * - open: from the hash change to its Logs tab until its last line is painted (the tab's
 *   default tail), RUNS times;
 * - all lines: from choosing "All lines" until the status says it holds every line; the page's
 *   JS heap after a garbage collection then, and the longest task meanwhile;
 * - search: from typing a term that one line holds until the match count is complete, RUNS terms;
 * - follow: the Logs tab open on a created container that then writes LINES lines and exits:
 *   from its exit (the engine's FinishedAt) until its last line is painted; the longest main-thread
 *   task while following, and the heap after.
 */

export interface LogsPageOptions {
  browser: Browser;
  hostUrl: string;
  docker: Docker;
  image: string;
  /** A stopped container that wrote `lines` lines (logs-source.ts). */
  name: string;
  lines: number;
  runs: number;
  timeoutMs: number;
  /** The docker CLI's environment (DOCKER_HOST), for `docker logs -f` following the same kind of container. */
  cliEnv: NodeJS.ProcessEnv;
  /** `docker logs` of the same container to /dev/null, median ms (logsRead), for the view's throughput ratio. */
  dockerLogsMedianMs?: number | undefined;
}

export interface LogsPage {
  lines: number;
  openTailMs: Summary;
  allLines: { ms: number; linesPerSecond: number; throughputOverCli?: number; heapMiB: number; longestTaskMs: number };
  searchMs: Summary;
  follow: {
    lastLineAfterExitMs: number;
    /** From its exit until the view holds every line (the lines before the last come after it when the view was behind). */
    allLinesAfterExitMs: number;
    /** The same for `docker logs -f NAME` to /dev/null, started with the container: when it exits, every line is in. */
    dockerCliLastLineAfterExitMs: number;
    longestTaskMs: number;
    tasksOver100Ms: number;
    heapMiB: number;
    writeSeconds: number;
  };
}

const followName = 'bench-logs-follow';

export async function measureLogsPage(options: LogsPageOptions): Promise<LogsPage> {
  const engineId = await defaultEngineId(options.hostUrl);
  const context = await options.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript({ content: logsProbeScript });
    const page = await context.newPage();
    await page.goto(options.hostUrl, { waitUntil: 'load' });
    const lastLine = literal(lineText(options.lines));
    const logsOf = async (name: string) => `#/containers/${encodeURIComponent(engineId)}/${encodeURIComponent((await options.docker.getContainer(name).inspect()).Id)}/logs`;

    const tabHref = await logsOf(options.name);
    const open: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      await page.evaluate(`location.hash = '#/containers'`);
      await delay(300);
      await watchFor(page, `open-${run}`, '.log-row', lastLine);
      const start = await pageNow(page);
      await page.evaluate(`location.hash = ${JSON.stringify(tabHref)}`);
      open.push((await waitShown(page, `open-${run}`, options.timeoutMs)).frameMs - start);
      log(`logs tab open ${run + 1}/${options.runs}: ${round(open.at(-1) ?? 0)} ms`);
    }

    await watchFor(page, 'all', '.log-status', `^${literal(options.lines.toLocaleString('en-US'))} lines`);
    const allFrom = await pageNow(page);
    await page.getByRole('combobox', { name: 'Tail', exact: true }).selectOption({ label: 'All lines' });
    const allStart = await lastInputAt(page);
    const all = await waitShown(page, 'all', Math.max(options.timeoutMs, 120_000));
    const allMs = all.frameMs - allStart;
    const allHeap = await heapAfterGcMiB(page);
    const allTasks = await longTasksSince(page, allFrom);
    log(`all ${options.lines} lines in the view: ${Math.round(allMs)} ms, heap ${allHeap} MiB, longest task ${longest(allTasks)} ms`);

    const search: number[] = [];
    const box = page.getByRole('searchbox', { name: 'Search', exact: true });
    for (let run = 0; run < options.runs; run++) {
      const index = 1 + Math.floor(((run + 0.5) / options.runs) * (options.lines - 1));
      await box.fill('');
      await delay(200);
      await watchFor(page, `search-${run}`, '.log-search-count', '^(1 of )?1 matching line$');
      await box.fill(`line ${String(index).padStart(7, '0')} `);
      const start = await lastInputAt(page);
      search.push((await waitShown(page, `search-${run}`, options.timeoutMs)).frameMs - start);
      log(`search ${run + 1}/${options.runs}: ${round(search.at(-1) ?? 0)} ms`);
    }
    await box.fill('');

    const follow = await measureFollow(page, options, logsOf);
    return {
      lines: options.lines,
      openTailMs: summarize(open),
      allLines: {
        ms: round(allMs),
        linesPerSecond: Math.round(options.lines / (allMs / 1000)),
        ...(options.dockerLogsMedianMs === undefined ? {} : { throughputOverCli: round(options.dockerLogsMedianMs / allMs, 3) }),
        heapMiB: allHeap,
        longestTaskMs: longest(allTasks),
      },
      searchMs: summarize(search),
      follow,
    };
  } finally {
    await context.close();
    await removeNamed(options.docker, [followName]);
  }
}

async function measureFollow(page: Page, options: LogsPageOptions, logsOf: (name: string) => Promise<string>): Promise<LogsPage['follow']> {
  await removeNamed(options.docker, [followName]);
  const container = await options.docker.createContainer({ name: followName, Image: options.image, Cmd: linesCommand(options.lines), Labels: { [benchLabel]: '1' }, HostConfig: { NetworkMode: 'none' } });
  await page.evaluate(`location.hash = ${JSON.stringify(await logsOf(followName))}`);
  await page.getByRole('log', { name: `Log of ${followName}`, exact: true }).waitFor({ timeout: options.timeoutMs });
  await delay(500);
  await watchFor(page, 'follow', '.log-row', literal(lineText(options.lines)));
  // Every line held: the lines and the started and exited marks' rows.
  const held = [0, 1, 2].map((marks) => literal((options.lines + marks).toLocaleString('en-US'))).join('|');
  await watchFor(page, 'follow-all', '.log-status', `^(${held}) lines`);
  const from = await pageNow(page);
  const started = Date.now();
  await container.start();
  let finishedAt = '';
  for (;;) {
    const state = (await container.inspect()).State;
    if (!state.Running && state.FinishedAt && !state.FinishedAt.startsWith('0001')) {
      finishedAt = state.FinishedAt;
      break;
    }
    if (Date.now() - started > 600_000) throw new Error(`${followName} still writing after 600 s`);
    await delay(100);
  }
  const exitMs = Date.parse(finishedAt.replace(/(\.\d{3})\d*/, '$1'));
  const shown = await waitShown(page, 'follow', Math.max(options.timeoutMs, 120_000));
  // The last line can come ahead of the lines before it (lastLinesFirst): the tasks are counted until every line is in.
  const all = await waitShown(page, 'follow-all', Math.max(options.timeoutMs, 120_000));
  const tasks = await longTasksSince(page, from);
  const result = {
    lastLineAfterExitMs: round(shown.frameMs - exitMs),
    allLinesAfterExitMs: round(all.frameMs - exitMs),
    dockerCliLastLineAfterExitMs: await dockerFollowLastLineAfterExit(options),
    longestTaskMs: longest(tasks),
    tasksOver100Ms: tasks.filter((task) => task.durationMs > 100).length,
    heapMiB: await heapAfterGcMiB(page),
    writeSeconds: round((exitMs - started) / 1000, 1),
  };
  log(`follow: last line ${result.lastLineAfterExitMs} ms after exit, every line ${result.allLinesAfterExitMs} ms (docker logs -f ${result.dockerCliLastLineAfterExitMs} ms), longest task ${result.longestTaskMs} ms, heap ${result.heapMiB} MiB`);
  return result;
}

/** A fresh container writing the same lines, followed by `docker logs -f` to /dev/null from its start: its exit after the container's. */
async function dockerFollowLastLineAfterExit(options: LogsPageOptions): Promise<number> {
  const name = `${followName}-cli`;
  await removeNamed(options.docker, [name]);
  const container = await options.docker.createContainer({ name, Image: options.image, Cmd: linesCommand(options.lines), Labels: { [benchLabel]: '1' }, HostConfig: { NetworkMode: 'none' } });
  try {
    await container.start();
    const endMs = await new Promise<number>((resolve, reject) => {
      const child = spawn('docker', ['logs', '-f', name], { env: options.cliEnv, stdio: ['ignore', 'ignore', 'ignore'] });
      child.once('error', reject);
      child.once('close', (code) => (code === 0 ? resolve(Date.now()) : reject(new Error(`docker logs -f ${name} exited ${String(code)}`))));
    });
    const finishedAt = (await container.inspect()).State.FinishedAt;
    return round(endMs - Date.parse(finishedAt.replace(/(\.\d{3})\d*/, '$1')));
  } finally {
    await removeNamed(options.docker, [name]);
  }
}

function longest(tasks: readonly LongTask[]): number {
  return round(Math.max(0, ...tasks.map((task) => task.durationMs)));
}

async function defaultEngineId(hostUrl: string): Promise<string> {
  const connection = await connectBerth(hostUrl);
  try {
    return (await connection.client.call('engine.info', {})).engineId;
  } finally {
    connection.dispose();
  }
}
