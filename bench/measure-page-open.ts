import type { Browser, Page } from '@playwright/test';
import { isFullListRequest, type EngineProxy } from './engine-proxy.js';
import { listAnswerMs, probeScript, waitForList } from './page-probe.js';
import { nowMs, round, summarize, type Summary } from './stats.js';
import { log } from './support.js';

/**
 * (a) Page open to the full list on screen, in Chromium: from `page.goto(url-with-token)` until
 * the page shows "N containers" and data rows, painted. The counting proxy tells when the
 * engine finished answering the page's `GET /containers/json`, which splits the total into
 * before the engine was asked, the engine's own time, and Berth's time after it answered. When
 * Berth answers the page from its live list (no engine call: the list was made by an earlier
 * page or call), Berth's time is counted from the moment the answer reached the page.
 */

export interface PageOpenSample {
  totalMs: number;
  /** Navigation start to the proxy seeing the list request: page load, JS, WebSocket, events, connect. */
  beforeListCallMs: number;
  /** The engine's own time for the list (request start to response end, at the proxy). */
  engineListMs: number;
  /** Engine answered to the DOM showing the list. */
  afterEngineDomMs: number;
  /** Engine answered to the frame that paints it: the target's number. */
  afterEngineMs: number;
  /** Full-list calls the page made while loading (1 expected; 0 when Berth answered from its live list). */
  fullListCalls: number;
  /** Where the page's list came from: the engine (a full-list call while it loaded), or Berth's live list. */
  listFrom: 'engine' | 'live list';
}

export interface PageOpen {
  runs: number;
  expectedCount: number;
  totalMs: Summary;
  afterEngineMs: Summary;
  engineListMs: Summary;
  beforeListCallMs: Summary;
  samples: PageOpenSample[];
}

export interface PageOpenOptions {
  browser: Browser;
  hostUrl: string;
  proxy: EngineProxy;
  expectedCount: number;
  runs: number;
  timeoutMs: number;
}

/** Opens the page `runs` times (a fresh browser context each: no cache, the token flow each time); the last page stays open for the next measures. */
export async function measurePageOpen(options: PageOpenOptions): Promise<{ result: PageOpen; page: Page }> {
  const samples: PageOpenSample[] = [];
  let lastPage: Page | null = null;
  for (let run = 0; run < options.runs; run++) {
    if (lastPage) await lastPage.context().close();
    const context = await options.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript({ content: probeScript(options.expectedCount) });
    const page = await context.newPage();
    lastPage = page;

    const firstRequest = options.proxy.requests.length;
    const navigationStart = nowMs();
    await page.goto(options.hostUrl, { waitUntil: 'commit' });
    const shown = await waitForList(page, options.timeoutMs);

    const lists = options.proxy.requests.slice(firstRequest).filter(isFullListRequest);
    // The answer the page rendered: the last one that had arrived before the DOM showed the list.
    const answered = lists.filter((request) => request.endMs !== null && request.endMs <= shown.domMs).at(-1);
    let sample: PageOpenSample;
    if (answered && answered.endMs !== null) {
      sample = {
        totalMs: round(shown.frameMs - navigationStart),
        beforeListCallMs: round(answered.startMs - navigationStart),
        engineListMs: round(answered.endMs - answered.startMs),
        afterEngineDomMs: round(shown.domMs - answered.endMs),
        afterEngineMs: round(shown.frameMs - answered.endMs),
        fullListCalls: lists.length,
        listFrom: 'engine',
      };
    } else {
      const arrived = await listAnswerMs(page);
      if (arrived === null) throw new Error('the page showed the list, but neither did the proxy see a GET /containers/json before it nor did the page receive an answer that could hold it');
      sample = {
        totalMs: round(shown.frameMs - navigationStart),
        beforeListCallMs: round(arrived - navigationStart),
        engineListMs: 0,
        afterEngineDomMs: round(shown.domMs - arrived),
        afterEngineMs: round(shown.frameMs - arrived),
        fullListCalls: lists.length,
        listFrom: 'live list',
      };
    }
    log(`page open ${run + 1}/${options.runs}: total ${sample.totalMs} ms, list from ${sample.listFrom}, engine ${sample.engineListMs} ms, after the answer ${sample.afterEngineMs} ms`);
    samples.push(sample);
  }
  if (!lastPage) throw new Error('page open: no runs');
  const pick = (key: Exclude<keyof PageOpenSample, 'listFrom'>) => summarize(samples.map((sample) => sample[key]));
  return {
    page: lastPage,
    result: {
      runs: samples.length,
      expectedCount: options.expectedCount,
      totalMs: pick('totalMs'),
      afterEngineMs: pick('afterEngineMs'),
      engineListMs: pick('engineListMs'),
      beforeListCallMs: pick('beforeListCallMs'),
      samples,
    },
  };
}
