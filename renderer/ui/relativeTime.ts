const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "3 minutes ago" for a time in seconds since the epoch, relative to `nowMs`. */
export function relativeTime(epochSeconds: number, nowMs: number): string {
  const deltaSeconds = epochSeconds - nowMs / 1000;
  const magnitude = Math.abs(deltaSeconds);
  for (const [unit, seconds] of units) {
    if (magnitude >= seconds) return format.format(Math.round(deltaSeconds / seconds), unit);
  }
  return format.format(0, 'second'); // "now": differences under a minute are noise here.
}

/** The full local date and time, for a tooltip next to a relative time. */
export function fullDate(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toLocaleString();
}
