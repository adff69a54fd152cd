/**
 * Engine timestamps (`2026-11-30T10:00:00.123456789Z`, RFC 3339 with nanoseconds) as two
 * numbers, whole Unix seconds and nanoseconds, so lines of several containers can be ordered
 * to the nanosecond (a float of milliseconds keeps microseconds at best). Pure.
 */

const rfc3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:\d{2})$/;

/**
 * Reads timestamps one after another, remembering the last whole second: a log's lines mostly
 * share their second with the one before, so `Date.parse` runs about once a second of log.
 */
export class EngineTimeReader {
  seconds = 0;
  nanos = 0;
  private lastKey = '';
  private lastSeconds = 0;

  /** Reads `text` into `seconds` and `nanos`; false (and both left as they were) when it is not a timestamp. */
  read(text: string): boolean {
    const match = rfc3339.exec(text);
    if (match === null) return false;
    const [, whole = '', fraction = '', zone = 'Z'] = match;
    const key = whole + zone;
    if (key !== this.lastKey) {
      const milliseconds = Date.parse(`${whole}${zone.toUpperCase()}`);
      if (!Number.isFinite(milliseconds)) return false;
      this.lastKey = key;
      this.lastSeconds = milliseconds / 1000;
    }
    this.seconds = this.lastSeconds;
    this.nanos = fraction === '' ? 0 : Number(fraction.padEnd(9, '0'));
    return true;
  }
}

/** Negative when a is earlier than b, 0 when equal. */
export function compareInstants(aSeconds: number, aNanos: number, bSeconds: number, bNanos: number): number {
  return aSeconds !== bSeconds ? aSeconds - bSeconds : aNanos - bNanos;
}

/** As `docker logs -t` prints it: UTC, nine fraction digits. */
export function formatEngineTime(seconds: number, nanos: number): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.toISOString().slice(0, 19)}.${String(nanos).padStart(9, '0')}Z`;
}

/** As the engine's `since` takes it: Unix seconds with nanoseconds (`1764496800.000000001`). */
export function unixSecondsText(seconds: number, nanos: number): string {
  return `${seconds}.${String(nanos).padStart(9, '0')}`;
}
