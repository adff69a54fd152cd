import { statsSeriesFields, type StatsHistory, type StatsSample, type StatsSeriesField } from '../../../runtime/api/index.js';

/** How far back the tab keeps points: what the backend keeps at its coarsest. */
export const keptSpanMs = 24 * 60 * 60_000;

/**
 * One container's use over time as the charts take it: columns (a time column in seconds, as
 * uPlot wants it, and one per field), oldest first. Built from `stats.history` (the minute
 * points older than the first second point, then the second points) and then appended to
 * sample by sample. Points older than 24 hours are dropped as new ones come, a batch at a time.
 */
export interface StatsColumns {
  /** Seconds since the epoch. */
  time: number[];
  values: Record<StatsSeriesField, number[]>;
}

export function emptyColumns(): StatsColumns {
  return { time: [], values: Object.fromEntries(statsSeriesFields.map((field) => [field, []])) as unknown as StatsColumns['values'] };
}

/** The history as one series: 24 hours at a minute a point, then the last 15 minutes at a second a point. */
export function columnsOfHistory(history: StatsHistory): StatsColumns {
  const columns = emptyColumns();
  const firstSecond = history.seconds.time[0] ?? Number.POSITIVE_INFINITY;
  history.minutes.time.forEach((time, index) => {
    // The minute under way overlaps the seconds: the seconds say it better.
    if (time + history.minutes.intervalMs > firstSecond) return;
    columns.time.push(time / 1000);
    for (const field of statsSeriesFields) columns.values[field].push(history.minutes[field][index] ?? 0);
  });
  history.seconds.time.forEach((time, index) => {
    columns.time.push(time / 1000);
    for (const field of statsSeriesFields) columns.values[field].push(history.seconds[field][index] ?? 0);
  });
  return columns;
}

/** Appends a live sample (in place), unless it is not newer than the last point; drops what aged out. Answers whether it was added. */
export function appendSample(columns: StatsColumns, sample: StatsSample): boolean {
  const time = sample.time / 1000;
  const last = columns.time.at(-1);
  if (last !== undefined && time <= last) return false;
  columns.time.push(time);
  for (const field of statsSeriesFields) columns.values[field].push(sample[field]);
  const oldest = time - keptSpanMs / 1000;
  // Dropped in batches of at least a minute's worth, so a shift of every array is rare.
  if ((columns.time[60] ?? Number.POSITIVE_INFINITY) < oldest) {
    const drop = columns.time.findIndex((point) => point >= oldest);
    columns.time.splice(0, drop);
    for (const field of statsSeriesFields) columns.values[field].splice(0, drop);
  }
  return true;
}

/** The time window the charts show: the last `spanMs` following the newest point, or a fixed range the user zoomed or panned to. */
export type ChartWindow = { kind: 'live'; spanMs: number } | { kind: 'fixed'; fromMs: number; toMs: number };

/** The x range, in seconds, a window covers given the newest point's time (seconds). */
export function windowRange(window: ChartWindow, newestSeconds: number): [number, number] {
  if (window.kind === 'fixed') return [window.fromMs / 1000, window.toMs / 1000];
  return [newestSeconds - window.spanMs / 1000, newestSeconds];
}

/** Moves a window by half its width (negative: earlier); a move past the newest point follows it live again. */
export function panWindow(window: ChartWindow, newestSeconds: number, direction: -1 | 1): ChartWindow {
  const [from, to] = windowRange(window, newestSeconds);
  const shift = ((to - from) / 2) * direction;
  if (to + shift >= newestSeconds) return { kind: 'live', spanMs: (to - from) * 1000 };
  return { kind: 'fixed', fromMs: (from + shift) * 1000, toMs: (to + shift) * 1000 };
}
