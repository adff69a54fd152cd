/**
 * Byte counts as people write them and as the docker CLI reads them: `256m`, `1.5g`, `512MiB`,
 * `1073741824`. Units are binary (k = 1024), like `docker run --memory`; a bare number is bytes.
 */
import { parseByteSize } from '../../runtime/api/index.js';

/** Whole bytes, or null when the text is not a byte count (the same rule as the backend's parser). */
export function parseBytes(text: string): number | null {
  return parseByteSize(text);
}

const unitNames = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/**
 * "256 MiB", "1.5 GiB", "512 B": at most two decimals, trailing zeros dropped. The output parses
 * back with `parseBytes` to the same value whenever it is exact, so it can prefill an input.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  let index = 0;
  let value = Math.abs(bytes);
  while (value >= 1024 && index < unitNames.length - 1) {
    value /= 1024;
    index++;
  }
  const rounded = Number(value.toFixed(2));
  return `${bytes < 0 ? '-' : ''}${rounded} ${unitNames[index]}`;
}

/** The shortest exact way to write a byte count for an input ("256m"), falling back to bytes. */
export function bytesForInput(bytes: number): string {
  for (const [unit, power] of [['t', 4], ['g', 3], ['m', 2], ['k', 1]] as const) {
    const scaled = bytes / 1024 ** power;
    // Up to two decimals keeps "1.5g" but never writes an inexact "0.33g".
    if (scaled >= 1 && Number.isInteger(scaled * 100) && Math.floor(Number(scaled.toFixed(2)) * 1024 ** power) === bytes) {
      return `${Number(scaled.toFixed(2))}${unit}`;
    }
  }
  return String(bytes);
}
