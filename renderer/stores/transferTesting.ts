import type { TransferProgress } from '../../runtime/api/index.js';

/** A progress event for renderer tests: nothing done, with what the test sets. */
export function progress(extra: Partial<TransferProgress> = {}): TransferProgress {
  return {
    type: 'progress',
    layers: [],
    message: '',
    layerCount: 0,
    layersDone: 0,
    bytesDone: 0,
    bytesTotal: 0,
    percent: 0,
    bytesPerSecond: null,
    secondsLeft: null,
    elapsedMs: 0,
    done: false,
    ...extra,
  };
}
