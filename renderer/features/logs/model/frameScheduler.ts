/**
 * Runs a callback at most once per animation frame however often it is asked for. A hidden
 * page gets no frames, so a timer stands in after `fallbackMs`: lines keep being taken in (and
 * the buffer stays bounded) while nobody looks.
 */
export interface FrameScheduler {
  request(): void;
  cancel(): void;
}

export interface FrameClock {
  requestFrame(callback: () => void): () => void;
  setTimer(callback: () => void, ms: number): () => void;
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
};

export function frameScheduler(run: () => void, clock: FrameClock = browserClock, fallbackMs = 250): FrameScheduler {
  let cancels: (() => void)[] = [];
  const cancel = () => {
    for (const stop of cancels) stop();
    cancels = [];
  };
  const fire = () => {
    cancel();
    run();
  };
  return {
    request() {
      if (cancels.length > 0) return;
      cancels = [clock.requestFrame(fire), clock.setTimer(fire, fallbackMs)];
    },
    cancel,
  };
}
