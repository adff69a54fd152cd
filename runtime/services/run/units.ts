/**
 * CPU counts as the docker CLI reads and writes them, so a pasted `--cpus 1.5` means exactly
 * the nano-CPUs `docker run --cpus 1.5` would send. (Byte sizes: runtime/api/byte-size.ts.)
 */

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
