import type { Page } from '@playwright/test';
import { pollPage, type ProbeTimes } from './page-probe.js';

/**
 * What runs inside the page for the registry measures: `open(hash)` notes the time (the page's
 * own clock, epoch ms like the bench's) and goes to a registry's page as the Browse link does;
 * a MutationObserver then notes when the Repositories table first shows a repository, and the
 * next animation frame (the frame that paints it). Plain JavaScript in a string, as page-probe.ts.
 */

export interface OpenTimes extends ProbeTimes {
  /** When the hash was set: the user's click. */
  openedMs: number;
  /** The first repository the page showed. */
  firstName: string;
}

export const registryProbeScript = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const probe = { openedMs: null, shown: null };
  window.__berthRegistryBench = probe;
  const firstName = () => {
    const link = document.querySelector('[role="region"][aria-label="Repositories"] [role="table"] [role="cell"] a');
    return link ? link.textContent : null;
  };
  const check = () => {
    if (probe.openedMs === null || probe.shown !== null) return;
    const name = firstName();
    if (name === null) return;
    const times = { domMs: now(), frameMs: null, openedMs: probe.openedMs, firstName: name };
    probe.shown = times;
    requestAnimationFrame(() => { times.frameMs = now(); });
  };
  probe.open = (hash) => { probe.shown = null; probe.openedMs = now(); location.hash = hash; check(); };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

/** Goes to `hash` from inside the page and waits for the first repository painted. */
export async function openRegistryPage(page: Page, hash: string, timeoutMs: number): Promise<OpenTimes> {
  await page.evaluate(`window.__berthRegistryBench.open(${JSON.stringify(hash)})`);
  const found = await pollPage(page, '(() => { const t = window.__berthRegistryBench.shown; return t && t.frameMs !== null ? JSON.stringify(t) : null; })()', timeoutMs);
  if (found === null) {
    const shown = await page.evaluate('document.body ? document.body.innerText.slice(0, 300) : "(no body)"').catch(() => '(page gone)');
    throw new Error(`the registry page showed no repository within ${timeoutMs} ms; it shows: ${JSON.stringify(shown)}`);
  }
  const times = JSON.parse(found) as Partial<OpenTimes>;
  if (typeof times.domMs !== 'number' || typeof times.frameMs !== 'number' || typeof times.openedMs !== 'number' || typeof times.firstName !== 'string') throw new Error('the registry probe returned no times');
  return { domMs: times.domMs, frameMs: times.frameMs, openedMs: times.openedMs, firstName: times.firstName };
}
