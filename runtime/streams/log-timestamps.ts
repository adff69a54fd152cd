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
