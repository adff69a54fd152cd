import type { EngineProxy } from './engine-proxy.js';
import { nowMs, round } from './stats.js';
import { delay, log } from './support.js';

/**
 * (c) Engine API calls while nothing happens: with the page open and settled, every request
 * `berth serve` sends through the counting proxy during the window. Streams opened before the
 * window (the one `/events`) are not new calls and do not count.
 */

export interface IdleCalls {
  windowSeconds: number;
  calls: number;
  callsPerMinute: number;
  /** `METHOD /path` of each call seen, in order. */
  requests: string[];
}

export async function measureIdleCalls(proxy: EngineProxy, windowSeconds: number, settleMs = 2000): Promise<IdleCalls> {
  await delay(settleMs);
  const first = proxy.requests.length;
  const from = nowMs();
  log(`idle: counting engine calls for ${windowSeconds} s`);
  await delay(windowSeconds * 1000);
  const seen = proxy.requests.slice(first).filter((request) => request.startMs >= from);
  return {
    windowSeconds,
    calls: seen.length,
    callsPerMinute: round(seen.length / (windowSeconds / 60)),
    requests: seen.map((request) => `${request.method} ${request.path}`),
  };
}
