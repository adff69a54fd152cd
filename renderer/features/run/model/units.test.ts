import { describe, expect, it } from 'vitest';
import { describeBytes } from './units.js';

describe('sizes', () => {
  it('describes bytes exactly and readably', () => {
    expect(describeBytes(268435456)).toBe('268,435,456 bytes (256 MiB)');
    expect(describeBytes(1536 * 1024 ** 2)).toBe('1,610,612,736 bytes (1.5 GiB)');
    expect(describeBytes(1000)).toBe('1,000 bytes');
    expect(describeBytes(1)).toBe('1 byte');
  });
});
