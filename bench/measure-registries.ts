import type { Browser, Page } from '@playwright/test';
import { connectBerth } from './berth-client.js';
import type { EngineProxy, ProxiedRequest } from './engine-proxy.js';
import { openRegistryPage, registryProbeScript } from './registry-probe.js';
import { nowMs, round, summarize, type Summary } from './stats.js';
import { delay, log } from './support.js';

/**
 * (j) A registry of many repositories (issue 12), behind a counting proxy that sees every
 * request Berth's registry client makes:
 * - open: in Chromium, with the app already open, going to the registry's page as its Browse
 *   link does, until the first repository is painted; split at the proxy into the time before
 *   the registry was asked, the registry's own `_catalog` answer, and Berth's time after it;
 * - filter: typing a filter into that page, key by key, counting the `registries.catalog`
 *   calls the page sends and the registry's `_catalog` pages read for each burst of keys; and
 *   each filter as one direct `registries.catalog` call, counting the registry pages it reads.
 */

export interface RegistriesOptions {
  browser: Browser;
  hostUrl: string;
  /** The registry as Berth names it: the proxy's `127.0.0.1:PORT`. */
  registry: string;
  proxy: EngineProxy;
  repositories: number;
  /** The repository the catalog lists first. */
  firstName: string;
  /** Filters typed, each one burst of keys. */
  filters: readonly string[];
  runs: number;
  timeoutMs: number;
}

export interface RegistryOpenSample {
  /** The click (hash set) to the frame painting the first repository. */
  totalMs: number;
  beforeCatalogMs: number;
  /** The registry's `GET /v2/_catalog` at the proxy, request to end of response. */
  registryMs: number;
  /** The registry's answer to the frame that paints it. */
  afterRegistryMs: number;
  catalogRequests: number;
}

export interface FilterBurst {
  filter: string;
  keystrokes: number;
  /** `registries.catalog` calls the page sent for the burst. */
  berthCalls: number;
  /** The registry's `_catalog` requests during the burst (each one page). */
  registryPages: number;
  /** Rows of repositories in the DOM afterwards (the list is virtualized: at most a screenful and some), and whether Load more was offered. */
  rowsOnScreen: number;
  loadMore: boolean;
}

export interface FilterCall {
  filter: string;
  registryPages: number;
  items: number;
  scanned: number;
  /** The call stopped before the catalog's end (its `next` is set). */
  more: boolean;
  ms: number;
}

export interface RegistriesMeasure {
  repositories: number;
  /** Pages of the whole catalog at the service's scan size (500): what "all pages" would be. */
  catalogPagesOf500: number;
  open: { runs: number; totalMs: Summary; afterRegistryMs: Summary; registryMs: Summary; beforeCatalogMs: Summary; samples: RegistryOpenSample[] };
  filter: { keyDelayMs: number; bursts: FilterBurst[]; calls: FilterCall[]; maxRegistryPagesPerCall: number; maxRegistryPagesPerBurst: number; maxBerthCallsPerBurst: number };
}

/** A person typing quickly: faster than the page's 250 ms pause, so a word is one burst. */
const keyDelayMs = 80;

const isCatalog = (request: ProxiedRequest) => request.path.startsWith('/v2/_catalog');

export async function measureRegistries(options: RegistriesOptions): Promise<RegistriesMeasure> {
  const hash = `#/registries/${encodeURIComponent(options.registry)}`;
  const samples: RegistryOpenSample[] = [];
  let page: Page | null = null;
  const sentCalls: { ms: number; filter: string | undefined }[] = [];
  for (let run = 0; run < options.runs; run++) {
    if (page) await page.context().close();
    page = await openApp(options, sentCalls);
    const first = options.proxy.requests.length;
    const shown = await openRegistryPage(page, hash, options.timeoutMs);
    if (shown.firstName !== options.firstName) throw new Error(`the registry page showed ${shown.firstName} first, not ${options.firstName}`);
    const catalog = options.proxy.requests.slice(first).filter(isCatalog);
    const answered = catalog.filter((request) => request.endMs !== null && request.endMs <= shown.domMs).at(-1);
    if (!answered || answered.endMs === null) throw new Error('the page showed repositories, but the proxy saw no _catalog answered before');
    const sample = {
      totalMs: round(shown.frameMs - shown.openedMs),
      beforeCatalogMs: round(answered.startMs - shown.openedMs),
      registryMs: round(answered.endMs - answered.startMs),
      afterRegistryMs: round(shown.frameMs - answered.endMs),
      catalogRequests: catalog.length,
    };
    log(`registry page open ${run + 1}/${options.runs}: ${sample.totalMs} ms (registry ${sample.registryMs} ms, after it ${sample.afterRegistryMs} ms)`);
    samples.push(sample);
  }
  if (!page) throw new Error('registry page open: no runs');

  const bursts: FilterBurst[] = [];
  const box = page.getByRole('searchbox', { name: 'Filter repositories', exact: true });
  for (const filter of options.filters) {
    await box.fill('');
    await untilQuiet(page, options.proxy, nowMs(), options.timeoutMs);
    const requests = options.proxy.requests.length;
    const calls = sentCalls.length;
    await box.pressSequentially(filter, { delay: keyDelayMs });
    await untilQuiet(page, options.proxy, nowMs(), options.timeoutMs);
    const region = page.getByRole('region', { name: 'Repositories', exact: true });
    const burst = {
      filter,
      keystrokes: filter.length,
      berthCalls: sentCalls.slice(calls).length,
      registryPages: options.proxy.requests.slice(requests).filter(isCatalog).length,
      rowsOnScreen: await region.getByRole('table').getByRole('link').count(),
      loadMore: (await region.getByRole('button', { name: 'Load more repositories' }).count()) > 0,
    };
    log(`filter "${filter}": ${burst.berthCalls} catalog calls, ${burst.registryPages} registry pages`);
    bursts.push(burst);
  }
  await page.context().close();

  const calls = await directCalls(options);
  return {
    repositories: options.repositories,
    catalogPagesOf500: Math.ceil(options.repositories / 500),
    open: {
      runs: samples.length,
      totalMs: summarize(samples.map((sample) => sample.totalMs)),
      afterRegistryMs: summarize(samples.map((sample) => sample.afterRegistryMs)),
      registryMs: summarize(samples.map((sample) => sample.registryMs)),
      beforeCatalogMs: summarize(samples.map((sample) => sample.beforeCatalogMs)),
      samples,
    },
    filter: {
      keyDelayMs,
      bursts,
      calls,
      maxRegistryPagesPerCall: Math.max(...calls.map((call) => call.registryPages)),
      maxRegistryPagesPerBurst: Math.max(...bursts.map((burst) => burst.registryPages)),
      maxBerthCallsPerBurst: Math.max(...bursts.map((burst) => burst.berthCalls)),
    },
  };
}

/** A fresh context on the app (no cache, the token flow), noting every `registries.catalog` call its page sends. */
async function openApp(options: RegistriesOptions, sentCalls: { ms: number; filter: string | undefined }[]): Promise<Page> {
  const context = await options.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: registryProbeScript });
  const page = await context.newPage();
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      // Calls are JSON text frames; binary frames carry bytes (terminals), never a call.
      if (typeof payload !== 'string' || !payload.includes('"registries.catalog"')) return;
      const message = JSON.parse(payload) as { kind?: string; method?: string; params?: { filter?: string } };
      if (message.kind === 'call' && message.method === 'registries.catalog') sentCalls.push({ ms: nowMs(), filter: message.params?.filter });
    }),
  );
  await page.goto(options.hostUrl);
  await page.getByRole('heading', { level: 1, name: 'Containers' }).waitFor({ timeout: options.timeoutMs });
  return page;
}

/**
 * Waits until, for longer than the page's pause after typing, nothing was typed (`typedMs`) and
 * no `_catalog` request started, none is on its way, and the page is not loading.
 */
async function untilQuiet(page: Page, proxy: EngineProxy, typedMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const quietMs = 750;
  for (;;) {
    const catalog = proxy.requests.filter(isCatalog);
    const busy = nowMs() - typedMs < quietMs || catalog.some((request) => request.closedMs === undefined || nowMs() - request.startMs < quietMs);
    const loading = (await page.getByRole('status').filter({ hasText: 'Loading repositories' }).count()) > 0;
    if (!busy && !loading) return;
    if (Date.now() > deadline) throw new Error(`the registry page was still reading the catalog after ${timeoutMs} ms`);
    await delay(50);
  }
}

/** Each filter as one `registries.catalog` call of its own, one after the other, counting the registry pages each reads. */
async function directCalls(options: RegistriesOptions): Promise<FilterCall[]> {
  const connected = await connectBerth(options.hostUrl);
  const { client } = connected;
  try {
    const calls: FilterCall[] = [];
    for (const filter of options.filters) {
      const first = options.proxy.requests.length;
      const started = performance.now();
      const page = await client.call('registries.catalog', { registry: options.registry, filter });
      const ms = round(performance.now() - started);
      calls.push({ filter, registryPages: options.proxy.requests.slice(first).filter(isCatalog).length, items: page.items.length, scanned: page.scanned, more: page.next !== null, ms });
    }
    return calls;
  } finally {
    connected.dispose();
  }
}
