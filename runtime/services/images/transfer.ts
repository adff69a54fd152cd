import type { Readable } from 'node:stream';
import { BerthError, type TransferProgress } from '../../api/index.js';
import type { EngineClient } from '../../engine/client/engine-client.js';
import { enginePullLineSchema, type EnginePullLine } from '../../engine/json/image.js';
import { NdjsonReader, SkippedLines } from '../../engine/ndjson.js';
import { Throttle } from '../../streams/throttle.js';
import { TransferState, type TransferDirection } from './transfer-state.js';

/** At most one progress event per this many milliseconds: 20 a second. */
export const progressIntervalMs = 50;

export interface TransferOptions {
  intervalMs?: number;
  now?: () => number;
}

/**
 * Reads one pull's or push's NDJSON progress into its state (transfer-state.ts) and hands out
 * coalesced events: at most one per `progressIntervalMs` however many layers move, and the
 * final state (`done`) once the engine has finished. The engine reports a failed transfer as
 * an `error` line inside a 200 answer: with no status to map, that is the engine refusing the
 * transfer (`conflict`) in its own words, after the last state seen. A line that cannot be read
 * is skipped (counted and logged), never fatal.
 */
export async function followTransfer(
  client: EngineClient,
  stream: Readable,
  direction: TransferDirection,
  /** Which transfer, as the log names it: `pull of app:1`. */
  label: string,
  onProgress: (progress: TransferProgress) => void,
  options: TransferOptions = {},
): Promise<void> {
  const state = new TransferState(direction, options.now);
  const throttle = new Throttle(options.intervalMs ?? progressIntervalMs, () => onProgress(state.take()), options.now);
  const reader = new NdjsonReader(enginePullLineSchema, new SkippedLines(label));
  const handle = (lines: EnginePullLine[]) => {
    for (const line of lines) {
      if (line.error != null || line.errorDetail != null) {
        throw new BerthError('conflict', line.errorDetail?.message ?? line.error ?? `The ${direction} failed.`, { step: direction });
      }
      state.apply(line);
    }
    if (lines.length > 0) throttle.poke();
  };
  try {
    for await (const chunk of stream) handle(reader.push(chunk as Buffer));
    handle(reader.flush());
  } catch (error) {
    // What was seen before the failure is shown with it (unless the subscriber went away).
    throttle.dispose();
    if (error instanceof BerthError && error.code === 'conflict' && state.hasChanges) onProgress(state.take());
    // An error line is already the BerthError it means; anything else is the stream failing.
    throw error instanceof BerthError ? error : client.failureOf(error);
  }
  throttle.dispose();
  onProgress(state.take(true));
}
