/**
 * Durations as the docker CLI reads them (Go's `time.ParseDuration`: `30s`, `1m30s`, `1.5h`,
 * `500ms`, `250us`) and the shortest text that reads back as the same nanoseconds. The
 * healthcheck flags and the Run form share this, so `--health-interval 5` is refused with the
 * CLI's own reason ("missing unit") everywhere.
 */

const unitNanos: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n,
  'μs': 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const secondNanos = 1_000_000_000n;
const minuteNanos = 60n * secondNanos;
const hourNanos = 60n * minuteNanos;

/** Go's limit: a Duration is an int64 of nanoseconds (about 292 years). */
const maxNanos = 2n ** 63n - 1n;

export type DurationRead = { ok: true; nanos: number } | { ok: false; reason: string };

/**
 * `1h2m3.5s` -> nanoseconds. Reasons are Go's words (`time: missing unit in duration "5"`), which
 * the CLI prints after the flag. Results beyond Number's exact range are refused: no healthcheck
 * needs 104 days.
 */
export function parseGoDuration(text: string): DurationRead {
  const invalid = (): DurationRead => ({ ok: false, reason: `time: invalid duration "${text}"` });
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, nanos: 0 };
  if (rest === '') return invalid();
  let total = 0n;
  while (rest !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest);
    const whole = number?.[1] ?? '';
    const fraction = number?.[2] ?? '';
    if (whole === '' && fraction === '') return invalid();
    rest = rest.slice(number?.[0].length ?? 0);
    const unit = /^[^\d.]+/.exec(rest)?.[0];
    if (unit === undefined) return { ok: false, reason: `time: missing unit in duration "${text}"` };
    const scale = unitNanos[unit];
    if (scale === undefined) return { ok: false, reason: `time: unknown unit "${unit}" in duration "${text}"` };
    rest = rest.slice(unit.length);
    // Exact: whole units, plus the fraction's digits scaled and truncated, as Go does.
    const digits = fraction.slice(0, 18);
    const part = BigInt(whole || '0') * scale + (digits === '' ? 0n : (BigInt(digits) * scale) / 10n ** BigInt(digits.length));
    total += part;
    if (total > maxNanos) return invalid();
  }
  const signed = negative ? -total : total;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < -BigInt(Number.MAX_SAFE_INTEGER)) return invalid();
  return { ok: true, nanos: Number(signed) };
}

/**
 * Nanoseconds -> the shortest text of whole hours, minutes and (decimal) seconds, or of
 * milliseconds, microseconds or nanoseconds below a second: `30s`, `1m30s`, `1h`, `1.5s`,
 * `500ms`. `parseGoDuration` reads it back as exactly the same nanoseconds.
 */
export function formatGoDuration(nanos: number): string {
  if (nanos === 0) return '0s';
  if (nanos < 0) return `-${formatGoDuration(-nanos)}`;
  const value = BigInt(Math.trunc(nanos));
  if (value < 1_000_000_000n) {
    for (const [unit, scale] of [['ms', 1_000_000n], ['us', 1_000n]] as const) {
      if (value >= scale) return `${decimal(value, scale)}${unit}`;
    }
    return `${value}ns`;
  }
  const hours = value / hourNanos;
  const minutes = (value % hourNanos) / minuteNanos;
  const seconds = value % minuteNanos;
  return `${hours > 0n ? `${hours}h` : ''}${minutes > 0n ? `${minutes}m` : ''}${seconds > 0n ? `${decimal(seconds, secondNanos)}s` : ''}`;
}

/** `value / scale` written exactly, with only the decimals it needs. */
function decimal(value: bigint, scale: bigint): string {
  const whole = value / scale;
  const rest = value % scale;
  if (rest === 0n) return String(whole);
  const width = String(scale).length - 1;
  return `${whole}.${String(rest).padStart(width, '0').replace(/0+$/, '')}`;
}
