import { describe, expect, it } from 'vitest';
import { signalOption } from './signal-option.js';

describe('signalOption', () => {
  it('adds no key at all without a signal, so nothing leaks into the query string', () => {
    expect(Object.keys(signalOption(undefined))).toEqual([]);
    const signal = new AbortController().signal;
    expect(signalOption(signal)).toEqual({ abortSignal: signal });
  });
});
