import { statsSeriesFields, type StatsSample, type StatsSeries } from '../../api/index.js';
import { SeriesRing } from '../../streams/series-ring.js';

/** What one container's history keeps: 15 minutes at 1 s, 24 hours at 1 min. */
export const historyWindows = {
  seconds: { intervalMs: 1000, spanMs: 15 * 60_000 },
  minutes: { intervalMs: 60_000, spanMs: 24 * 60 * 60_000 },
} as const;

/** Fields a minute point takes the last value of (a limit), not the mean. */
const lastValueFields = new Set<string>(['cpuLimitCpus', 'memoryLimitBytes', 'pidsLimit']);
const fieldCount = statsSeriesFields.length;

/**
 * One container's resource history: every sample in a ring of 15 minutes, and the samples of
 * each minute folded into one point (the mean; limits the last) in a ring of 24 hours. Bounded:
 * at most 900 + 1,440 points of 11 Float32 values and a Float64 time, about 131 KB, whatever
 * runs for how long.
 */
export class ContainerHistory {
  private readonly seconds = new SeriesRing(historyWindows.seconds.spanMs / historyWindows.seconds.intervalMs, fieldCount);
  private readonly minutes = new SeriesRing(historyWindows.minutes.spanMs / historyWindows.minutes.intervalMs, fieldCount);
  /** The minute under way: its start, the sums (or last values) and how many samples. */
  private bucketStart = Number.NaN;
  private readonly bucket = new Float64Array(fieldCount);
  private bucketCount = 0;
  private readonly values = new Float64Array(fieldCount);

  add(sample: StatsSample): void {
    for (let field = 0; field < fieldCount; field += 1) this.values[field] = sample[statsSeriesFields[field] ?? 'cpuPercent'];
    // A sample older than the newest kept (a clock step back) would break the order charts rely on.
    const last = this.seconds.lastTime;
    if (last !== undefined && sample.time <= last) return;
    this.seconds.push(sample.time, this.values);
    this.seconds.dropBefore(sample.time - historyWindows.seconds.spanMs);

    const minute = Math.floor(sample.time / historyWindows.minutes.intervalMs) * historyWindows.minutes.intervalMs;
    if (minute !== this.bucketStart) {
      this.closeBucket();
      this.bucketStart = minute;
    }
    for (let field = 0; field < fieldCount; field += 1) {
      const value = this.values[field] ?? 0;
      this.bucket[field] = lastValueFields.has(statsSeriesFields[field] ?? '') ? value : (this.bucket[field] ?? 0) + value;
    }
    this.bucketCount += 1;
    this.minutes.dropBefore(minute - historyWindows.minutes.spanMs);
  }

  /** Both series as columns, oldest first, dropping what has aged out by `now`; the minute under way is the last minute point. */
  series(now: number): { seconds: StatsSeries; minutes: StatsSeries } {
    this.seconds.dropBefore(now - historyWindows.seconds.spanMs);
    this.minutes.dropBefore(now - historyWindows.minutes.spanMs);
    const minutes = toSeries(historyWindows.minutes.intervalMs, this.minutes.toColumns());
    if (this.bucketCount > 0 && this.bucketStart >= now - historyWindows.minutes.spanMs) {
      const point = this.bucketPoint();
      minutes.time.push(this.bucketStart);
      statsSeriesFields.forEach((field, index) => minutes[field].push(round(field, point[index] ?? 0)));
    }
    return { seconds: toSeries(historyWindows.seconds.intervalMs, this.seconds.toColumns()), minutes };
  }

  private bucketPoint(): number[] {
    return statsSeriesFields.map((field, index) => {
      const value = this.bucket[index] ?? 0;
      return lastValueFields.has(field) ? value : value / this.bucketCount;
    });
  }

  private closeBucket(): void {
    if (this.bucketCount > 0) this.minutes.push(this.bucketStart, this.bucketPoint());
    this.bucket.fill(0);
    this.bucketCount = 0;
  }
}

/** A series with no points. */
export function emptySeries(intervalMs: number): StatsSeries {
  return toSeries(intervalMs, { times: [], columns: [] });
}

function toSeries(intervalMs: number, { times, columns }: { times: number[]; columns: number[][] }): StatsSeries {
  const series = { intervalMs, time: times } as StatsSeries;
  statsSeriesFields.forEach((field, index) => {
    series[field] = (columns[index] ?? []).map((value) => round(field, value));
  });
  return series;
}

/** Float32 keeps about 7 digits: percents and CPUs to 1/100, the rest (bytes, counts) to whole numbers. */
function round(field: string, value: number): number {
  return field === 'cpuPercent' || field === 'cpuLimitCpus' ? Math.round(value * 100) / 100 : Math.round(value);
}
