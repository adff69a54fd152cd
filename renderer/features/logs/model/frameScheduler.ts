/**
 * Runs a callback at most once per animation frame however often it is asked for. A hidden
 * page gets no frames, so a timer stands in after `fallbackMs`: lines keep being taken in (and
 * the buffer stays bounded) while nobody looks. `holdOff` spaces the next run out further: a
 * flood of lines is drawn a few times a second rather than at every frame, which leaves the
 * main thread to taking the lines in (drawing a frame costs about as much as taking in a few
 * thousand lines).
 */
export interface FrameScheduler {
  request(): void;
  /** The next run comes no sooner than `ms` from now (with a clock that tells the time). */
  holdOff(ms: number): void;
  cancel(): void;
}

export interface FrameClock {
  requestFrame(callback: () => void): () => void;
  setTimer(callback: () => void, ms: number): () => void;
  /** Milliseconds on a monotonic clock; without it `holdOff` does nothing. */
  now?(): number;
}

/**
 * Whether lines come as a flood: at least `floodLines` per `periodMs`, as a rate over the
 * `elapsedMs` since the last run (or at least `floodLines` at once, when the time is not known).
 * A rate, not a count per frame: at 60 frames a second, a flood of 40,000 lines a second brings
 * only 700 to each frame, and drawing each of those frames costs as much as a frame of 2,000.
 */
export function isFlood(lines: number, elapsedMs: number | null, floodLines: number, periodMs: number): boolean {
  return lines >= floodLines || (elapsedMs !== null && lines * periodMs >= floodLines * elapsedMs);
}

export const browserClock: FrameClock = {
  requestFrame(callback) {
    const id = requestAnimationFrame(callback);
    return () => cancelAnimationFrame(id);
  },
  setTimer(callback, ms) {
    const id = setTimeout(callback, ms);
    return () => clearTimeout(id);
  },
  now: () => performance.now(),
};

export function frameScheduler(run: () => void, clock: FrameClock = browserClock, fallbackMs = 250): FrameScheduler {
  let cancels: (() => void)[] = [];
  let notBefore = Number.NEGATIVE_INFINITY;
  const cancel = () => {
    for (const stop of cancels) stop();
    cancels = [];
  };
  const fire = () => {
    cancel();
    run();
  };
  const request = () => {
    if (cancels.length > 0) return;
    const wait = clock.now ? notBefore - clock.now() : 0;
    if (wait > 0) {
      cancels = [
        clock.setTimer(() => {
          cancels = [];
          request();
        }, wait),
      ];
      return;
    }
    cancels = [clock.requestFrame(fire), clock.setTimer(fire, fallbackMs)];
  };
  return {
    request,
    holdOff(ms) {
      if (clock.now) notBefore = clock.now() + ms;
    },
    cancel,
  };
}
