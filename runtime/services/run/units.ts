/**
 * Byte sizes and CPU counts as the docker CLI reads and writes them, so a pasted `-m 1.5g`
 * means exactly the bytes `docker run -m 1.5g` would send.
 */

const binaryUnits: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/**
 * `-m`, `--memory-reservation`, `--memory-swap` values: a number with an optional binary unit
 * (`b`, `k`, `m`, `g`, `t`, `p`, any case, optionally followed by `i` and/or `b`, e.g. `64m`, `64MiB`,
 * `1.5g`). Fractions are truncated to whole bytes, as the CLI does. Null when unreadable.
 */
export function parseByteSize(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?) ?([kKmMgGtTpPbB]?)[iI]?[bB]?$/.exec(text.trim());
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

/**
 * `--cpus 1.5`: a decimal count of CPUs, exact to the nano-CPU the engine stores (`NanoCpus`).
 * More than nine decimals is refused, as the CLI refuses it ("value is too precise").
 */
export function parseCpus(text: string): { nanoCpus: number } | { error: string } {
  const match = /^(\d*)(?:\.(\d+))?$/.exec(text.trim());
  if (!match || (match[1] === '' && match[2] === undefined)) return { error: `"${text}" is not a number of CPUs` };
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 9) return { error: `"${text}" is too precise (at most 9 decimals)` };
  const nanoCpus = Number(match[1] || '0') * 1e9 + Number(fraction.padEnd(9, '0') || '0');
  return { nanoCpus };
}

export function nanoCpusOf(cpus: number): number {
  return Math.round(cpus * 1e9);
}

export function cpusOfNano(nanoCpus: number): number {
  return nanoCpus / 1e9;
}

/** CPUs as a decimal without float noise: 1.5 -> `1.5`, 0.1 -> `0.1`, 2 -> `2`. */
export function formatCpus(cpus: number): string {
  const nanos = nanoCpusOf(cpus);
  const whole = Math.floor(nanos / 1e9);
  const fraction = String(nanos % 1e9).padStart(9, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
