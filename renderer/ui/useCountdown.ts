import { useEffect, useState } from 'react';

/**
 * Whole seconds left of a delay of `delayMs` that started at `startedAtMs`, ticking once a
 * second until zero, so "retrying in Ns" is never wrong for more than a second. Null when there
 * is no delay.
 */
export function useCountdown(delayMs: number | null | undefined, startedAtMs: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  // `now` may predate `startedAtMs` (the clock sleeps at zero); the delay itself bounds it.
  const remaining =
    delayMs === null || delayMs === undefined
      ? null
      : Math.min(Math.ceil(delayMs / 1000), Math.max(0, Math.ceil((startedAtMs + delayMs - now) / 1000)));
  useEffect(() => {
    if (remaining === null || remaining === 0) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [remaining, now]);
  return remaining;
}
