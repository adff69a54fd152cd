import { parseByteSize } from './byte-size.js';
import { resourcesSchema, type ResourcesSpec } from './run-spec.js';

/**
 * Resource limits as text (`-m 512m`, `--cpus 1.5`, `--pids-limit 100`) -> the values a
 * ResourcesSpec holds. One reading for the pasted command line, the Run form and the
 * Resources limit editor, so the same text means the same limit everywhere. Whether a value
 * is acceptable (6 MiB, the host's CPUs, CPU shares 2-262144) is resource-rules.ts; how a
 * problem is worded stays with each surface (a flag, a form field, an update editor).
 */

/** The limits as they are typed, one text per ResourcesSpec field. */
export type ResourcesText = Record<keyof ResourcesSpec, string>;

/** A whole number in decimal digits with an optional minus sign (`512`, `-1`), else null. */
export function parseWholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : null;
}

/** `--memory-swap`: a byte size, or -1 for unlimited swap. */
export function parseMemorySwap(text: string): number | null {
  return text.trim() === '-1' ? -1 : parseByteSize(text);
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

/** CPUs as a decimal without float noise, to the nano-CPU: 1.5 -> `1.5`, 0.1 -> `0.1`, 2 -> `2`. */
export function formatCpus(cpus: number): string {
  const nanos = Math.round(cpus * 1e9);
  const whole = Math.floor(nanos / 1e9);
  const fraction = String(nanos % 1e9).padStart(9, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

type Reader<K extends keyof ResourcesSpec> = (text: string) => NonNullable<ResourcesSpec[K]> | null;

/** Each limit's text -> its value, or null when the text is not one (empty text included). */
export const resourceTextReaders: { [K in keyof ResourcesSpec]-?: Reader<K> } = {
  memoryBytes: parseByteSize,
  memoryReservationBytes: parseByteSize,
  memorySwapBytes: parseMemorySwap,
  cpus: (text) => {
    const read = parseCpus(text);
    return 'nanoCpus' in read ? read.nanoCpus / 1e9 : null;
  },
  cpuShares: parseWholeNumber,
  // The contract's own pattern (`0-2,4`); whether the host has those CPUs is resource-rules.ts.
  cpusetCpus: (text) => (resourcesSchema.shape.cpusetCpus.safeParse(text.trim()).success && text.trim() !== '' ? text.trim() : null),
  pidsLimit: parseWholeNumber,
};
