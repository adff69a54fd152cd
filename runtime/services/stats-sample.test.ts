import { describe, expect, it } from 'vitest';
import { toStatsSample } from './stats-sample.js';

describe('toStatsSample', () => {
  it('computes CPU % of one CPU and memory without inactive file cache, like docker stats', () => {
    const sample = toStatsSample(
      {
        read: '2026-11-23T10:00:00.000Z',
        cpu_stats: { cpu_usage: { total_usage: 2_000_000_000 }, system_cpu_usage: 20_000_000_000, online_cpus: 2 },
        precpu_stats: { cpu_usage: { total_usage: 1_000_000_000 }, system_cpu_usage: 18_000_000_000 },
        memory_stats: { usage: 50_000_000, limit: 100_000_000, stats: { total_inactive_file: 10_000_000 } },
        pids_stats: { current: 3 },
      },
      0,
    );
    expect(sample).toEqual({
      time: Date.parse('2026-11-23T10:00:00.000Z'),
      cpuPercent: 100,
      onlineCpus: 2,
      memoryUsageBytes: 40_000_000,
      memoryLimitBytes: 100_000_000,
      pids: 3,
    });
  });

  it('reads zero CPU on the first sample (no previous reading) and a stopped container', () => {
    const sample = toStatsSample({ read: '0001-01-01T00:00:00Z', cpu_stats: {}, precpu_stats: {} }, 42);
    expect(sample).toMatchObject({ time: 42, cpuPercent: 0, memoryUsageBytes: 0, pids: 0 });
  });
});
