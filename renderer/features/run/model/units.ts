/**
 * Sizes as the Run form shows them. Sizes and numbers themselves are read by runtime/api
 * (byte-size, resource-text), one rule with the backend; this adds the form's own wording.
 */
import { displayByteSize } from '../../../../runtime/api/index.js';

/** `268,435,456 bytes (256 MiB)`: the exact value the engine gets, and a readable one. */
export function describeBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return bytes < 1024 ? exact : `${exact} (${displayByteSize(bytes)})`;
}
