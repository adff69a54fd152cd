/** Delay before reconnect attempt `attempt` (0-based): 250 ms doubling, capped at 5 s. */
export function reconnectDelayMs(attempt: number, initialMs = 250, maxMs = 5_000): number {
  return Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
}
