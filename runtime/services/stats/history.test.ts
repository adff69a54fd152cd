import { describe, expect, it } from 'vitest';
import type { StatsSample } from '../../api/index.js';
import { ContainerHistory } from './history.js';

const base: StatsSample = {
  time: 0,
  cpuPercent: 0,
  onlineCpus: 2,
  cpuLimitCpus: 0.5,
  memoryUsageBytes: 0,
  memoryLimitBytes: 64 * 2 ** 20,
  memoryCacheBytes: 0,
  networkRxBytes: 0,
  networkTxBytes: 0,
  networkRxBytesPerSecond: 0,
  networkTxBytesPerSecond: 0,
  blockReadBytes: 0,
  blockWriteBytes: 0,
  blockReadBytesPerSecond: 0,
  blockWriteBytesPerSecond: 0,
  pids: 1,
  pidsLimit: 0,
};
const minute = 60_000;
const start = Date.parse('2026-11-30T10:00:00Z');

describe('ContainerHistory', () => {
  it('folds each minute of 1 s samples into one point: the mean, and the last value of a limit', () => {
    const history = new ContainerHistory();
    for (let second = 0; second < 60; second += 1) {
      history.add({ ...base, time: start + second * 1000, cpuPercent: second < 30 ? 10 : 30, memoryUsageBytes: 1000 + second, memoryLimitBytes: second < 59 ? 100 : 200 });
    }
    history.add({ ...base, time: start + minute, cpuPercent: 99 });
    const { seconds, minutes } = history.series(start + minute);
    expect(seconds.time).toHaveLength(61);
    expect(seconds.intervalMs).toBe(1000);
    expect(minutes.intervalMs).toBe(60_000);
    expect(minutes.time).toEqual([start, start + minute]);
    expect(minutes.cpuPercent).toEqual([20, 99]);
    expect(minutes.memoryUsageBytes[0]).toBe(1030); // 1029.5, whole bytes
    expect(minutes.memoryLimitBytes[0]).toBe(200);
    expect(minutes.cpuLimitCpus).toEqual([0.5, 0.5]);
  });

  it('keeps 15 minutes at 1 s and 24 hours at 1 min, however long the container runs', () => {
    const history = new ContainerHistory();
    const end = start + 25 * 60 * minute;
    // One sample every 10 s for 25 hours, then the last 16 minutes at one a second.
    for (let time = start; time < end - 16 * minute; time += 10_000) history.add({ ...base, time, cpuPercent: 1 });
    for (let time = end - 16 * minute; time <= end; time += 1000) history.add({ ...base, time, cpuPercent: 2 });
    const { seconds, minutes } = history.series(end);
    expect(seconds.time).toHaveLength(900);
    expect(seconds.time[0]).toBe(end - 15 * minute + 1000);
    expect(minutes.time[0]).toBeGreaterThanOrEqual(end - 24 * 60 * minute);
    expect(minutes.time.length).toBeLessThanOrEqual(24 * 60 + 1);
    expect(minutes.time.length).toBeGreaterThanOrEqual(24 * 60);
  });

  it('drops what aged out while no sample came (a container stopped for an hour)', () => {
    const history = new ContainerHistory();
    history.add({ ...base, time: start });
    const { seconds, minutes } = history.series(start + 60 * minute);
    expect(seconds.time).toEqual([]);
    expect(minutes.time).toEqual([start]);
  });

  it('ignores a sample not newer than the last (the clock stepped back)', () => {
    const history = new ContainerHistory();
    history.add({ ...base, time: start + 2000, pids: 2 });
    history.add({ ...base, time: start + 1000, pids: 9 });
    expect(history.series(start + 2000).seconds.pids).toEqual([2]);
  });
});
