import { describe, expect, it } from 'vitest';
import { statsSeriesFields, type StatsHistory, type StatsSeries } from '../../../runtime/api/index.js';
import { appendSample, columnsOfHistory, emptyColumns, keptSpanMs, panWindow, windowRange } from './statsSeries.js';
import { statsSample } from './statsTesting.js';

function series(intervalMs: number, times: number[], cpu: number[]): StatsSeries {
  const result = { intervalMs, time: times } as StatsSeries;
  for (const field of statsSeriesFields) result[field] = times.map(() => 0);
  result.cpuPercent = cpu;
  return result;
}

const t0 = Date.parse('2026-11-30T10:00:00Z');

describe('columnsOfHistory', () => {
  it('joins the minute points before the first second point with the second points, in seconds for uPlot', () => {
    const history: StatsHistory = {
      containerId: 'x',
      minutes: series(60_000, [t0, t0 + 60_000, t0 + 120_000], [1, 2, 3]),
      seconds: series(1000, [t0 + 125_000, t0 + 126_000], [7, 8]),
      latest: null,
      isLive: true,
    };
    const columns = columnsOfHistory(history);
    // The minute from t0 + 120 s is under way when the seconds begin: the seconds stand for it.
    expect(columns.time).toEqual([t0 / 1000, t0 / 1000 + 60, t0 / 1000 + 125, t0 / 1000 + 126]);
    expect(columns.values.cpuPercent).toEqual([1, 2, 7, 8]);
  });
});

describe('appendSample', () => {
  it('appends newer samples only, and drops points older than 24 hours in batches', () => {
    const columns = emptyColumns();
    expect(appendSample(columns, statsSample({ time: t0, cpuPercent: 1 }))).toBe(true);
    expect(appendSample(columns, statsSample({ time: t0, cpuPercent: 2 }))).toBe(false);
    for (let index = 1; index <= 100; index += 1) appendSample(columns, statsSample({ time: t0 + index * 1000 }));
    appendSample(columns, statsSample({ time: t0 + keptSpanMs + 90_000 }));
    expect(columns.time[0]).toBeGreaterThanOrEqual((t0 + 90_000) / 1000);
    expect(columns.values.pids).toHaveLength(columns.time.length);
  });
});

describe('chart windows', () => {
  it('follows the newest point live, pans by half a window, and follows again once panned back to now', () => {
    const newest = 10_000;
    const live = { kind: 'live', spanMs: 300_000 } as const;
    expect(windowRange(live, newest)).toEqual([9700, 10_000]);
    const earlier = panWindow(live, newest, -1);
    expect(earlier).toEqual({ kind: 'fixed', fromMs: 9_550_000, toMs: 9_850_000 });
    expect(panWindow(earlier, newest, 1)).toEqual({ kind: 'live', spanMs: 300_000 });
  });
});
