import type { Page } from '@playwright/test';
import { runDocker } from './docker-cli.js';
import type { StartEvents } from './engine-events.js';
import { pollPage, waitForRunningRow, watchRow } from './page-probe.js';
import { round, summarize, type Summary } from './stats.js';
import { delay, errorMessage, log } from './support.js';

/**
 * (b) An external `docker start` to the row saying "running" on screen, one container at a
 * time. t0 is the engine's own `start` event time, so the number is engine event to pixels;
 * the time from the CLI returning to the row is reported too.
 */

export interface StartToRowSample {
  name: string;
  eventToFrameMs: number;
  eventToDomMs: number;
  cliReturnToFrameMs: number;
  cliMs: number;
}

export interface StartToRow {
  starts: number;
  failures: string[];
  /** Engine event to the painted frame: the target's number. */
  eventToFrameMs: Summary;
  eventToDomMs: Summary;
  /** Can be negative: the row may change before the CLI process has exited. */
  cliReturnToFrameMs: Summary;
  cliMs: Summary;
  samples: StartToRowSample[];
}

export interface StartToRowOptions {
  page: Page;
  events: StartEvents;
  names: readonly string[];
  /** Typed into the page's filter box so every probe row is rendered (the table is virtualized). */
  filterText: string;
  cliEnv: NodeJS.ProcessEnv;
  timeoutMs: number;
}

export async function measureStartToRow(options: StartToRowOptions): Promise<StartToRow> {
  const { page } = options;
  await showProbeRows(page, options.filterText, options.names.length, options.timeoutMs);

  const samples: StartToRowSample[] = [];
  const failures: string[] = [];
  for (const name of options.names) {
    try {
      await watchRow(page, name);
      const cli = await runDocker(['start', name], options.cliEnv);
      const shown = await waitForRunningRow(page, name, options.timeoutMs);
      const eventMs = await options.events.startedAt(name, options.timeoutMs);
      samples.push({
        name,
        eventToFrameMs: round(shown.frameMs - eventMs),
        eventToDomMs: round(shown.domMs - eventMs),
        cliReturnToFrameMs: round(shown.frameMs - cli.endMs),
        cliMs: round(cli.endMs - cli.startMs),
      });
    } catch (error) {
      failures.push(`${name}: ${errorMessage(error)}`);
      // Rows that never update would cost a timeout each; three in a row say enough.
      if (samples.length === 0 && failures.length >= 3) break;
    }
    // Let the burst (start, then Berth's one refresh) settle before the next one.
    await delay(300);
  }
  if (samples.length === 0) throw new Error(`no start was seen in the page: ${failures[0] ?? 'no probes'}`);
  const eventToFrame = summarize(samples.map((sample) => sample.eventToFrameMs));
  log(`start to row: p50 ${eventToFrame.medianMs} ms, p95 ${eventToFrame.p95Ms} ms over ${samples.length} starts`);
  return {
    starts: samples.length,
    failures,
    eventToFrameMs: eventToFrame,
    eventToDomMs: summarize(samples.map((sample) => sample.eventToDomMs)),
    cliReturnToFrameMs: summarize(samples.map((sample) => sample.cliReturnToFrameMs)),
    cliMs: summarize(samples.map((sample) => sample.cliMs)),
    samples,
  };
}

/** Filters the list down to the probe containers and waits until all their rows are in the DOM. */
async function showProbeRows(page: Page, filterText: string, count: number, timeoutMs: number): Promise<void> {
  const filterBox = page.getByRole('searchbox', { name: 'Filter containers' }).or(page.getByRole('textbox', { name: 'Filter containers' }));
  await filterBox.fill(filterText, { timeout: timeoutMs });
  const selector = `[role="row"][aria-label^=${JSON.stringify(filterText)}]`;
  const expression = `document.querySelectorAll(${JSON.stringify(selector)}).length >= ${count} ? 'shown' : null`;
  if ((await pollPage(page, expression, timeoutMs)) === null) {
    const rendered = await page.locator(selector).count();
    throw new Error(`after filtering by "${filterText}", ${rendered} of ${count} probe rows are rendered`);
  }
}
