import type { Page } from '@playwright/test';
import { pollPage } from './page-probe.js';

/**
 * What runs inside the page for the logs measures, on the page's own clock (epoch ms, like the
 * bench's): the long tasks the browser reports (PerformanceObserver `longtask`), when the user
 * last typed or chose something (an `input` event, captured), and watches that note when an
 * element matching a selector first shows text matching a pattern, plus the animation frame
 * after it (when it reaches the screen). Plain JavaScript in a string: the bench compiles
 * without DOM types.
 */
export const logsProbeScript = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const probe = { longTasks: [], inputAt: null, watches: {} };
  window.__berthLogs = probe;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ startMs: performance.timeOrigin + entry.startTime, durationMs: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) { probe.longTaskError = String(error); }
  document.addEventListener('input', () => { probe.inputAt = now(); }, true);
  document.addEventListener('change', () => { probe.inputAt = probe.inputAt ?? now(); }, true);
  const check = () => {
    for (const watch of Object.values(probe.watches)) {
      if (watch.at !== null) continue;
      for (const element of document.querySelectorAll(watch.selector)) {
        if (watch.pattern.test(element.textContent || '')) {
          const times = watch;
          times.at = now();
          requestAnimationFrame(() => { times.frameAt = now(); });
          break;
        }
      }
    }
  };
  probe.watch = (key, selector, pattern) => { probe.watches[key] = { selector, pattern: new RegExp(pattern), at: null, frameAt: null }; check(); };
  probe.mark = () => { probe.inputAt = null; return now(); };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

export interface Shown {
  /** When the DOM first showed it. */
  domMs: number;
  /** The frame after: when it was on screen. */
  frameMs: number;
}

/** Starts watching for `selector` showing text that matches `pattern` (a RegExp source). */
export async function watchFor(page: Page, key: string, selector: string, pattern: string): Promise<void> {
  await page.evaluate(`window.__berthLogs.watch(${JSON.stringify(key)}, ${JSON.stringify(selector)}, ${JSON.stringify(pattern)})`);
}

export async function waitShown(page: Page, key: string, timeoutMs: number): Promise<Shown> {
  const found = await pollPage(
    page,
    `(() => { const w = window.__berthLogs.watches[${JSON.stringify(key)}]; return w && w.frameAt !== null ? JSON.stringify({ domMs: w.at, frameMs: w.frameAt }) : null; })()`,
    timeoutMs,
    250,
  );
  if (found === null) {
    const shown = await page.evaluate('document.body ? document.body.innerText.slice(0, 400) : ""').catch(() => '(page gone)');
    throw new Error(`the page did not show ${key} within ${timeoutMs} ms; it shows: ${JSON.stringify(shown)}`);
  }
  return JSON.parse(found) as Shown;
}

/** The page's clock now, forgetting the last input. */
export async function pageNow(page: Page): Promise<number> {
  return page.evaluate<number>('window.__berthLogs.mark()');
}

export async function lastInputAt(page: Page): Promise<number> {
  const at = await page.evaluate<number | null>('window.__berthLogs.inputAt');
  if (at === null) throw new Error('the page saw no input event');
  return at;
}

export interface LongTask {
  startMs: number;
  durationMs: number;
}

/** Long tasks (over 50 ms, as the browser defines them) that started at or after `fromMs`. */
export async function longTasksSince(page: Page, fromMs: number): Promise<LongTask[]> {
  const tasks = JSON.parse(await page.evaluate<string>('JSON.stringify(window.__berthLogs.longTasks)')) as LongTask[];
  return tasks.filter((task) => task.startMs >= fromMs);
}

/** The page's JS heap in use after a full garbage collection (CDP), in MiB. */
export async function heapAfterGcMiB(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    return Math.round((usage.usedSize / 2 ** 20) * 10) / 10;
  } finally {
    await session.detach();
  }
}

/** Text as a RegExp source matching it literally. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
