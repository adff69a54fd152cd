/**
 * Byte sizes, in the two forms Berth writes them:
 * - the exact form the docker CLI reads (`-m 1.5g`): `parseByteSize` and `formatByteSize`, for
 *   inputs and command lines, where the text must mean exactly these bytes;
 * - a rounded form for people (`1.5 GiB`): `displayByteSize`, for showing a size, never for
 *   filling an input.
 * Shared by the backend's command-line parser and printer, its messages and the UI.
 */

const binaryUnits: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/**
 * A number with an optional binary unit (`b`, `k`, `m`, `g`, `t`, `p`, any case, optionally
 * followed by `i` and/or `b`: `64m`, `64MiB`, `1.5g`). Fractions are truncated to whole bytes,
 * as the CLI does. Null when unreadable.
 */
export function parseByteSize(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?|\.\d+) ?([kKmMgGtTpPbB]?)[iI]?[bB]?$/.exec(text.trim());
  if (!match) return null;
  const unit = binaryUnits[(match[2] ?? '').toLowerCase()];
  if (unit === undefined) return null;
  const bytes = Math.trunc(Number(match[1]) * unit);
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/** Smallest first, so that on a tie the larger unit wins (`1.25g` rather than `1280m`). */
const exactUnits = ['k', 'm', 'g', 't', 'p'] as const;

/**
 * The shortest text that `parseByteSize` (and the CLI) reads back as exactly these bytes, with
 * at most two decimals (a third never makes a text shorter); on a tie, the larger unit: `64m`,
 * `1.5g`, `1.5m`, `1000`, `1280`. Exact means the written number times its unit IS the bytes,
 * not that truncation happens to land on them (`1.01k` reads as 1034 bytes only because
 * 1034.24 is cut). Zero and negative sizes (`-1`: unlimited) are written as they are.
 */
export function formatByteSize(bytes: number): string {
  let shortest = String(bytes);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) return shortest;
  for (const unit of exactUnits) {
    const size = binaryUnits[unit] as number;
    if (bytes < size || (BigInt(bytes) * 100n) % BigInt(size) !== 0n) continue;
    const text = `${Number((bytes / size).toFixed(2))}${unit}`;
    if (text.length <= shortest.length) shortest = text;
  }
  return shortest;
}

const displayUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * `512 B`, `256 MiB`, `1.5 GiB`, `11.77 MiB`: the largest binary unit the size is at least one
 * of, rounded to two decimals with trailing zeros dropped. For people to read; it is exact only
 * when it happens to be, so an input is filled with `formatByteSize` instead.
 */
export function displayByteSize(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < displayUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${bytes < 0 ? '-' : ''}${Number(value.toFixed(2))} ${displayUnits[unit]}`;
}
