// Test-only: one fuzz case through the typed client, bounded in time, and a short printable
// form of what was sent (a 100,000-character string is not worth printing in full).
import { BerthError, type BerthClient, type MethodName, type StreamName } from '../api/index.js';

export interface Answer {
  /** The error the backend answered, when it did not answer a result (or end the stream). */
  error?: BerthError;
  /** Stream events received before the window closed. */
  events?: number;
}

/** Calls one method; a call with no answer within `deadlineMs` is a failure of its own. */
export async function callOnce(client: BerthClient, method: MethodName, params: unknown, deadlineMs: number): Promise<Answer> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), deadlineMs);
  try {
    await client.call(method, params as never, { signal: abort.signal });
    return {};
  } catch (error) {
    if (abort.signal.aborted) throw new Error(`${method} gave no answer within ${deadlineMs} ms`);
    if (error instanceof BerthError) return { error };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

export interface StreamWindow {
  /** Longest wait for a first event, an end or an error. */
  firstMs: number;
  /** After events start: stop once none came for this long. */
  quietMs: number;
  /** After events start: stop after this long anyway (a terminal running `yes`). */
  restMs: number;
}

/**
 * Subscribes and takes what comes: until the stream ends or fails, goes quiet after its first
 * events, or the window closes; then unsubscribes.
 */
export function streamOnce(client: BerthClient, stream: StreamName, params: unknown, window: StreamWindow): Promise<Answer> {
  return new Promise((resolve) => {
    let events = 0;
    const timers = new Set<NodeJS.Timeout>();
    const after = (ms: number, then: () => void) => timers.add(setTimeout(then, ms));
    let done = false;
    const finish = (answer: Answer) => {
      if (done) return;
      done = true;
      for (const timer of timers) clearTimeout(timer);
      subscription.dispose();
      resolve({ ...answer, events });
    };
    let quiet: NodeJS.Timeout | null = null;
    const subscription = client.subscribe(stream, params as never, {
      onEvent: () => {
        if (events++ === 0) after(window.restMs, () => finish({}));
        if (quiet) clearTimeout(quiet);
        quiet = setTimeout(() => finish({}), window.quietMs);
        timers.add(quiet);
      },
      onEnd: () => finish({}),
      onError: (error) => finish({ error }),
    });
    after(window.firstMs, () => {
      if (events === 0) finish({});
    });
  });
}

/** JSON for a failure message: long strings cut, and what JSON cannot say (NaN, undefined, lone surrogates) spelled out. */
export function printable(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'number' && !Number.isFinite(item)) return `<${String(item)}>`;
    if (item === undefined) return '<undefined>';
    if (typeof item !== 'string') return item;
    const shown = item.length > 80 ? `${item.slice(0, 40)}...<${item.length} chars>` : item;
    return shown.replace(/[\uD800-\uDFFF]/g, (unit) => `<\\u${unit.charCodeAt(0).toString(16)}>`);
  }) ?? '<undefined>';
}
