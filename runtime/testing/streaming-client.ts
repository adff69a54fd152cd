// Test-only helpers for unit tests of the NDJSON streams a service reads (fakes allowed there;
// integration tests use the real engine). Not part of the build.
import type { PassThrough } from 'node:stream';
import { vi } from 'vitest';
import { BerthError } from '../api/index.js';
import { EngineClient } from '../engine/client/engine-client.js';
import { fromEngineError } from '../engine/errors.js';

/** An engine client whose only answer is `stream`, as the body of any streamed request. */
export function clientStreaming(stream: PassThrough): EngineClient {
  const refuse = () => Promise.reject(new BerthError('internal', 'not used in this test'));
  return new EngineClient({ request: refuse, stream: () => Promise.resolve(stream), hijack: refuse, failureOf: (error) => fromEngineError(error) });
}

/**
 * An engine client that refuses every streamed request as dockerode reports the engine's
 * refusal of one: `statusCode` and the engine's words only in its message.
 */
export function clientRefusingStreams(statusCode: number, words: string): EngineClient {
  const refuse = () => Promise.reject(new BerthError('internal', 'not used in this test'));
  const failure = Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${words} `), { statusCode, json: null });
  return new EngineClient({ request: refuse, stream: () => Promise.reject(fromEngineError(failure)), hijack: refuse, failureOf: (error) => fromEngineError(error) });
}

/** What the backend writes to its log (stderr) from now on; undo with `vi.restoreAllMocks()`. */
export function captureLog(): string[] {
  const logged: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
    logged.push(String(text));
    return true;
  });
  return logged;
}
