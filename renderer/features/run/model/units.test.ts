import { describe, expect, it } from 'vitest';
import { describeBytes, parseByteSize, parseDecimal, parseWholeNumber } from './units.js';

describe('sizes', () => {
  it('reads binary multiples like the docker CLI', () => {
    expect(parseByteSize('256m')).toBe(256 * 1024 ** 2);
    expect(parseByteSize('1g')).toBe(1024 ** 3);
    expect(parseByteSize('1GB')).toBe(1024 ** 3);
    expect(parseByteSize('2GiB')).toBe(2 * 1024 ** 3);
    expect(parseByteSize('512k')).toBe(512 * 1024);
    expect(parseByteSize('1.5g')).toBe(1.5 * 1024 ** 3);
    expect(parseByteSize('1048576')).toBe(1048576);
    expect(parseByteSize('100b')).toBe(100);
    expect(parseByteSize(' 64 m ')).toBe(64 * 1024 ** 2);
  });

  it('rejects what is not a size', () => {
    for (const text of ['', 'abc', '-1', '1x', 'm', '1.2.3g', '1 gigabyte']) expect(parseByteSize(text)).toBeNull();
  });

  it('describes bytes exactly and readably', () => {
    expect(describeBytes(268435456)).toBe('268,435,456 bytes (256 MiB)');
    expect(describeBytes(1536 * 1024 ** 2)).toBe('1,610,612,736 bytes (1.5 GiB)');
    expect(describeBytes(1000)).toBe('1,000 bytes');
    expect(describeBytes(1)).toBe('1 byte');
  });
});

describe('numbers', () => {
  it('reads whole numbers and decimals, nothing else', () => {
    expect(parseWholeNumber('512')).toBe(512);
    expect(parseWholeNumber('-1')).toBe(-1);
    expect(parseWholeNumber('1.5')).toBeNull();
    expect(parseWholeNumber('12abc')).toBeNull();
    expect(parseDecimal('1.5')).toBe(1.5);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('2')).toBe(2);
    expect(parseDecimal('1,5')).toBeNull();
  });
});
