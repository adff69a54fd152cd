/**
 * Reconnect backoff, the same on both sides: the backend retrying its engine and the UI
 * retrying the backend. Doubling spreads retries out while something is down for long; the
 * cap keeps the wait after it comes back short enough that nobody reaches for a reload.
 */

export interface Backoff {
  /** The wait before the first retry. */
  initialMs: number;
  /** No wait is ever longer than this. */
  maxMs: number;
}

/** 250 ms doubling to 5 s. */
export const reconnectBackoff: Backoff = { initialMs: 250, maxMs: 5_000 };

/** The wait before retry `attempt` (0-based, counting failures since the last success). */
export function reconnectDelayMs(attempt: number, backoff: Backoff = reconnectBackoff): number {
  // The exponent stops growing long after the cap is reached, so the product stays finite.
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 30));
}
