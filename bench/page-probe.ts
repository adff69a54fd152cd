import type { Page } from '@playwright/test';
import { delay } from './support.js';

/**
 * What runs inside the page: a MutationObserver that notes, on the page's own clock
 * (`performance.timeOrigin + performance.now()`, epoch ms like the bench's), when the DOM first
 * shows the full list and when a watched row first says "running", plus the next animation
 * frame after each (the frame that paints it). Plain JavaScript in a string, because the
 * bench compiles without DOM types and the page runs whatever the browser is given.
 */

export interface ProbeTimes {
  domMs: number;
  /** The first animation frame after the DOM change: when it reaches the screen. */
  frameMs: number;
}

/** When the page received the list's answer over its WebSocket (null: no message that big). */
export async function listAnswerMs(page: Page): Promise<number | null> {
  const value: unknown = await page.evaluate('window.__berthBench ? window.__berthBench.listAnswerMs : null');
  return typeof value === 'number' ? value : null;
}

/** The count text as the Containers page writes it, "1000 containers", with or without a thousands separator. */
export function countPattern(count: number): string {
  const digits = String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',?');
  return `(^|[^0-9,])${digits} containers?`;
}

export function probeScript(expectedCount: number): string {
  return `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const countText = new RegExp(${JSON.stringify(countPattern(expectedCount))});
  const probe = { list: null, rows: {}, watched: new Set(), listAnswerMs: null };
  window.__berthBench = probe;
  // When the list's answer reached the page: the first WebSocket message big enough to hold it
  // (at least ~100 bytes a container). The time to paint is counted from here when Berth answered
  // from its live list with no engine call.
  const NativeWebSocket = window.WebSocket;
  const listBytes = ${expectedCount * 100};
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const data = event.data;
        const size = typeof data === 'string' ? data.length : data && (data.byteLength ?? data.size ?? 0);
        if (probe.listAnswerMs === null && size >= listBytes) probe.listAnswerMs = now();
      });
    }
  };
  const stamp = (set) => {
    const times = { domMs: now(), frameMs: null };
    set(times);
    requestAnimationFrame(() => { times.frameMs = now(); });
  };
  const check = () => {
    if (probe.list === null && document.body && countText.test(document.body.textContent || '')
        && document.querySelector('[role="row"] [role="cell"]')) {
      stamp((times) => { probe.list = times; });
    }
    for (const name of probe.watched) {
      const row = document.querySelector('[role="row"][aria-label="' + CSS.escape(name) + '"]');
      // A cell, not the row's whole text: textContent runs the cells together ("latestrunningUp").
      const cells = row ? Array.from(row.querySelectorAll('[role="cell"]')) : [];
      if (cells.some((cell) => /^running\\b/i.test((cell.textContent || '').trim()))) {
        probe.watched.delete(name);
        stamp((times) => { probe.rows[name] = times; });
      }
    }
  };
  probe.watch = (name) => { delete probe.rows[name]; probe.watched.add(name); check(); };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;
}

/** Waits until the probe has painted the full list; throws with what the page shows instead. */
export async function waitForList(page: Page, timeoutMs: number): Promise<ProbeTimes> {
  return waitForTimes(page, 'window.__berthBench && window.__berthBench.list', timeoutMs, 'the full list');
}

/** Starts watching the row named `name` for the state "running". */
export async function watchRow(page: Page, name: string): Promise<void> {
  await page.evaluate(`window.__berthBench.watch(${JSON.stringify(name)})`);
}

export async function waitForRunningRow(page: Page, name: string, timeoutMs: number): Promise<ProbeTimes> {
  return waitForTimes(page, `window.__berthBench && window.__berthBench.rows[${JSON.stringify(name)}]`, timeoutMs, `row ${name} running`);
}

async function waitForTimes(page: Page, expression: string, timeoutMs: number, what: string): Promise<ProbeTimes> {
  const found = await pollPage(page, `(() => { const times = ${expression}; return times && times.frameMs !== null ? JSON.stringify(times) : null; })()`, timeoutMs);
  if (found === null) {
    const shown = await page.evaluate('document.body ? document.body.innerText.slice(0, 300) : "(no body)"').catch(() => '(page gone)');
    throw new Error(`the page did not show ${what} within ${timeoutMs} ms; it shows: ${JSON.stringify(shown)}`);
  }
  const parsed = JSON.parse(found) as Partial<ProbeTimes>;
  if (typeof parsed.domMs !== 'number' || typeof parsed.frameMs !== 'number') throw new Error(`probe returned no times for ${what}`);
  return { domMs: parsed.domMs, frameMs: parsed.frameMs };
}

/**
 * Evaluates `expression` in the page every few milliseconds until it yields a string; null on
 * timeout. Polling from outside because Berth's CSP (no 'unsafe-eval') rightly blocks
 * page.waitForFunction. The times themselves are taken inside the page, so polling adds nothing to them.
 */
export async function pollPage(page: Page, expression: string, timeoutMs: number, intervalMs = 50): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await page.evaluate(expression);
    if (typeof value === 'string') return value;
    if (Date.now() > deadline) return null;
    await delay(intervalMs);
  }
}
