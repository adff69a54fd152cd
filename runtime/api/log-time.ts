/**
 * The times `docker logs --since / --until` accept, read once for the form, the API and the
 * backend: an RFC 3339 date-time (`2026-11-30T10:00:00Z`, fractions and offsets allowed, or a
 * date alone), Unix seconds (`1764496800`, `1764496800.5`), or a duration back from now in Go's
 * syntax (`10m`, `1h30m`, `1.5h`, `90s`, `500ms`). Pure.
 */

export type LogTime = { ok: true; kind: 'absolute' | 'relative'; unixSeconds: string } | { ok: false; message: string };

const units: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, μs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
const durationPattern = /^(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h)(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))*$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})?)?$/;

/** Seconds of a Go duration such as `1h30m`; null when the text is none. */
export function durationSeconds(text: string): number | null {
  if (!durationPattern.test(text)) return null;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/((?:\d+(?:\.\d*)?|\.\d+))(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(amount) * (units[unit as string] ?? 0);
  return total;
}

/**
 * Reads `text` as a log time; `now` (ms since the epoch) anchors relative ones. The answer is
 * Unix seconds with up to nanosecond fractions, the form the engine's `since`/`until` take.
 */
export function readLogTime(text: string, now: number = Date.now()): LogTime {
  const value = text.trim();
  if (value === '') return { ok: false, message: 'is empty' };
  if (/^\d+(\.\d{1,9})?$/.test(value)) return { ok: true, kind: 'absolute', unixSeconds: value };
  const seconds = durationSeconds(value);
  if (seconds !== null) {
    if (seconds > 100 * 365 * 86400) return { ok: false, message: 'goes back more than 100 years' };
    return { ok: true, kind: 'relative', unixSeconds: fromMilliseconds(now - seconds * 1000) };
  }
  const date = datePattern.exec(value);
  if (date) {
    const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone] = date;
    const zoneText = zone === undefined || /^[Zz]$/.test(zone) ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
    // A time without a zone is local, as the docker CLI reads it.
    const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}${zone === undefined ? '' : zoneText}`;
    const milliseconds = Date.parse(iso);
    const parts = [Number(month), Number(day), Number(hour), Number(minute), Number(second)];
    const inRange = parts[0]! >= 1 && parts[0]! <= 12 && parts[1]! >= 1 && parts[1]! <= 31 && parts[2]! <= 23 && parts[3]! <= 59 && parts[4]! <= 59;
    if (!Number.isFinite(milliseconds) || !inRange) return { ok: false, message: `is not a real date and time: ${value}` };
    const whole = Math.floor(milliseconds / 1000);
    return { ok: true, kind: 'absolute', unixSeconds: fraction === '' ? String(whole) : `${whole}${fraction}` };
  }
  return {
    ok: false,
    message: 'must be a date and time (2026-11-30T10:00:00Z), Unix seconds (1764496800) or a duration back from now (10m, 1h30m)',
  };
}

function fromMilliseconds(milliseconds: number): string {
  const whole = Math.floor(milliseconds / 1000);
  const rest = Math.round(milliseconds - whole * 1000);
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(3, '0')}`;
}
