/**
 * The timestamps an engine puts before each log message when asked (`timestamps=1`): RFC 3339
 * with up to nine fraction digits, then one space. Docker writes nine digits and `Z` always
 * (`2026-11-30T10:29:50.320733246Z `); Podman whole seconds (`2026-11-30T10:33:24Z `). Read
 * byte by byte: this runs once per log line.
 */

/** Not enough bytes yet to tell whether a timestamp starts here. */
export const needMoreBytes = -2;
/** The bytes here are not a timestamp. */
export const notATimestamp = -1;

/** The longest prefix: `YYYY-MM-DDTHH:MM:SS.nnnnnnnnn+hh:mm` and its space. */
export const longestTimestampPrefix = 36;

const digit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;

/**
 * Where the timestamp starting at `offset` ends: the index of the space after it;
 * `notATimestamp` when the bytes there are none; `needMoreBytes` when `bytes` ends before
 * that is known (a prefix cut by a chunk boundary).
 */
export function timestampEnd(bytes: Uint8Array, offset: number): number {
  // YYYY-MM-DDTHH:MM:SS: digits, with these separators at these places.
  const shape = '####-##-##T##:##:##';
  for (let index = 0; index < shape.length; index++) {
    const byte = bytes[offset + index];
    if (byte === undefined) return needMoreBytes;
    const want = shape.charCodeAt(index);
    if (want === 0x23 ? !digit(byte) : byte !== want) return notATimestamp;
  }
  let position = offset + shape.length;
  if (bytes[position] === 0x2e) {
    position++;
    const fractionStart = position;
    while (digit(bytes[position]) && position - fractionStart < 9) position++;
    if (position === bytes.length) return needMoreBytes;
    if (position === fractionStart) return notATimestamp;
  }
  const zone = bytes[position];
  if (zone === undefined) return needMoreBytes;
  if (zone === 0x5a) {
    position++;
  } else if (zone === 0x2b || zone === 0x2d) {
    // +hh:mm
    for (let index = 1; index <= 5; index++) {
      const byte = bytes[position + index];
      if (byte === undefined) return needMoreBytes;
      if (index === 3 ? byte !== 0x3a : !digit(byte)) return notATimestamp;
    }
    position += 6;
  } else {
    return notATimestamp;
  }
  const space = bytes[position];
  if (space === undefined) return needMoreBytes;
  return space === 0x20 ? position : notATimestamp;
}

/** An engine timestamp as an instant: whole Unix seconds and the nanoseconds after them. */
export interface Instant {
  seconds: number;
  nanos: number;
}

const timestampPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** The instant an engine timestamp names; null for text that is none. */
export function instantOf(timestamp: string): Instant | null {
  const match = timestampPattern.exec(timestamp);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  const offsetMinutes = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
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
