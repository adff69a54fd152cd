/**
 * Byte sizes as the docker CLI reads and writes them (`-m 1.5g`), shared by the backend's
 * command-line parser and the UI's size fields so both mean exactly the same bytes.
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

/** Bytes in the shortest exact form the CLI reads back: `64m`, `1g`, `1536k`, `1000`. */
export function formatByteSize(bytes: number): string {
  if (bytes <= 0) return String(bytes);
  for (const unit of ['g', 'm', 'k'] as const) {
    const size = binaryUnits[unit] as number;
    if (bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return String(bytes);
}
