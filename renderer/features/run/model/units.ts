/**
 * Sizes and numbers as the Run form shows and reads them. Sizes themselves are read and written
 * by runtime/api/byte-size (one rule with the backend); this adds the form's own wording.
 */
import { displayByteSize } from '../../../../runtime/api/index.js';

/** `268,435,456 bytes (256 MiB)`: the exact value the engine gets, and a readable one. */
export function describeBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return bytes < 1024 ? exact : `${exact} (${displayByteSize(bytes)})`;
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
