/**
 * Engine timestamps (`2026-11-30T10:00:00.123456789Z`: RFC 3339 with up to nine fraction
 * digits; Docker writes nine and `Z`, Podman whole seconds) as instants: whole Unix seconds and
 * the nanoseconds after them, so lines of several containers order to the nanosecond (a float
 * of milliseconds keeps microseconds at best). One copy for the backend and the renderer. Pure.
 */

/** An engine timestamp as an instant: whole Unix seconds and the nanoseconds after them. */
export interface Instant {
  seconds: number;
  nanos: number;
}

const timestampPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:\d{2})$/;

/** The instant an engine timestamp names; null for text that is none. */
export function instantOf(timestamp: string): Instant | null {
  const match = timestampPattern.exec(timestamp);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  // Date.UTC would carry a 13th month or a 61st second into the next: such text is no time.
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31 || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) return null;
  const offsetMinutes = zone === 'Z' || zone === 'z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const utcSeconds = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)) / 1000;
  return { seconds: utcSeconds - offsetMinutes * 60, nanos: Number(fraction.padEnd(9, '0')) };
}

/** Negative when `a` is before `b`, 0 at the same instant, positive after. Unreadable text sorts first. */
export function compareInstants(a: Instant | null, b: Instant | null): number {
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  return a.seconds !== b.seconds ? a.seconds - b.seconds : a.nanos - b.nanos;
}

/** The instant as the engine's `since`/`until` take it: Unix seconds with nine fraction digits. */
export function unixSecondsOf(instant: Instant): string {
  return `${instant.seconds}.${String(instant.nanos).padStart(9, '0')}`;
}

/**
 * Reads engine timestamps one after another into `seconds` and `nanos`, remembering the last
 * whole second: a log's lines mostly share their second with the one before, so the date is
 * worked out about once a second of log, and the fraction is read digit by digit.
 */
export class InstantReader {
  seconds = 0;
  nanos = 0;
  private lastPrefix = '';
  private lastSeconds = 0;

  /** Reads `timestamp`; false (and both numbers left as they were) when it is none. */
  read(timestamp: string): boolean {
    // Docker's form: `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ`, always 30 characters.
    if (timestamp.length === 30 && timestamp.charCodeAt(19) === 0x2e && timestamp.charCodeAt(29) === 0x5a) {
      let nanos = 0;
      for (let index = 20; index < 29; index++) {
        const digit = timestamp.charCodeAt(index) - 0x30;
        if (digit < 0 || digit > 9) return this.readOther(timestamp);
        nanos = nanos * 10 + digit;
      }
      const prefix = timestamp.slice(0, 19);
      if (prefix !== this.lastPrefix) {
        const instant = instantOf(`${prefix}Z`);
        if (instant === null) return false;
        this.lastPrefix = prefix;
        this.lastSeconds = instant.seconds;
      }
      this.seconds = this.lastSeconds;
      this.nanos = nanos;
      return true;
    }
    return this.readOther(timestamp);
  }

  private readOther(timestamp: string): boolean {
    const instant = instantOf(timestamp);
    if (instant === null) return false;
    this.seconds = instant.seconds;
    this.nanos = instant.nanos;
    return true;
  }
}

/** As `docker logs -t` prints it: UTC, nine fraction digits. */
export function formatInstant(instant: Instant): string {
  const date = new Date(instant.seconds * 1000);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.toISOString().slice(0, 19)}.${String(instant.nanos).padStart(9, '0')}Z`;
}
