import { describe, expect, it } from 'vitest';
import { bytesForInput, formatBytes, parseBytes } from './bytes.js';

describe('byte units', () => {
  it.each([
    ['1073741824', 1073741824],
    ['256m', 256 * 1024 ** 2],
    ['256M', 256 * 1024 ** 2],
    ['256mb', 256 * 1024 ** 2],
    ['256 MiB', 256 * 1024 ** 2],
    ['1g', 1024 ** 3],
    ['1.5g', 1.5 * 1024 ** 3],
    ['64k', 64 * 1024],
    ['100b', 100],
    [' 2G ', 2 * 1024 ** 3],
  ])('reads %j as %d bytes', (text, bytes) => {
    expect(parseBytes(text)).toBe(bytes);
  });

  it.each(['', 'abc', '-5m', '1.2.3g', '5x', 'm', '1e9', '1 g b'])('rejects %j', (text) => {
    expect(parseBytes(text)).toBeNull();
  });

  it('shows sizes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(6 * 1024 ** 2)).toBe('6 MiB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GiB');
    expect(formatBytes(12_345_678)).toBe('11.77 MiB');
  });

  it('writes exact sizes compactly for inputs, and parses them back', () => {
    for (const bytes of [256 * 1024 ** 2, 1.5 * 1024 ** 3, 6 * 1024 ** 2, 1000, 1_234_567]) {
      expect(parseBytes(bytesForInput(bytes))).toBe(bytes);
    }
    expect(bytesForInput(256 * 1024 ** 2)).toBe('256m');
    expect(bytesForInput(1.5 * 1024 ** 3)).toBe('1.5g');
    expect(bytesForInput(1000)).toBe('1000');
  });
});
