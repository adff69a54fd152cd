/**
 * Sizes and numbers as people type them into the Resources fields. Sizes follow the docker CLI
 * (`RAMInBytes`): binary multiples, so `1g` is 1024^3 bytes, and the unit may be written
 * `g`, `gb`, `gib` in any case.
 */

/** Bytes for `256m`, `1.5g`, `1048576`; null when the text is not a size (one parser for the whole UI). */
export { parseBytes as parseByteSize } from '../../../ui/bytes.js';

const binaryUnits = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** `268,435,456 bytes (256 MiB)`: the exact value the engine gets, and a readable one. */
export function describeBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < binaryUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return exact;
  const readable = Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');
  return `${exact} (${readable} ${binaryUnits[unit] ?? ''})`;
}

/** A whole number written in decimal digits (with an optional minus sign), else null. */
export function parseWholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : null;
}

/** A decimal number such as `1.5` or `.5`, else null. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return null;
  return Number(trimmed);
}
