import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineStatsSchema, type EngineStats } from '../../engine/json/streams.js';
import { cpuLimitOfLimits, cpusetSize, toStatsSample } from './sample.js';

// A reading of dockerd 20.10 on a cgroup v1 host, as it came (a busybox container under
// `-m 64m --cpus 1.5 --pids-limit 100` that had written and read 8 MiB), and one in the shape
// dockerd gives on a cgroup v2 host (no per-CPU counters, `anon`/`file`/`inactive_file`,
// lower-case block I/O operations, an unlimited PIDs limit as 2^64-1).
function fixture(name: string): EngineStats {
  return engineStatsSchema.parse(JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')));
}
const first = { cpuLimitCpus: 0, pidsLimit: 0, previous: null };

describe('toStatsSample, as docker stats computes it', () => {
  it('reads a cgroup v1 reading: CPU from the online CPUs, memory minus total_inactive_file, cache from total_cache', () => {
    const sample = toStatsSample(fixture('docker-20.10-cgroup-v1.json'), 0, { ...first, cpuLimitCpus: 1.5 });
    expect(sample).toEqual({
      time: Date.parse('2026-11-30T19:13:26.41144973Z'),
      // (33139952 - 32281702) / (80805900000000 - 80803920000000) * 2 * 100
      cpuPercent: 0.09,
      onlineCpus: 2,
      cpuLimitCpus: 1.5,
      // total_inactive_file is 0 here: the usage as it is
      memoryUsageBytes: 9363456,
      memoryLimitBytes: 67108864,
      memoryCacheBytes: 8392704,
      networkRxBytes: 1382,
      networkTxBytes: 336,
      networkRxBytesPerSecond: 0,
      networkTxBytesPerSecond: 0,
      blockReadBytes: 0,
      blockWriteBytes: 0,
      blockReadBytesPerSecond: 0,
      blockWriteBytesPerSecond: 0,
      pids: 2,
      pidsLimit: 100,
    });
  });

  it('reads a cgroup v2 reading: memory minus inactive_file, cache from file, block I/O over every device, PIDs limit 2^64-1 as none', () => {
    const sample = toStatsSample(fixture('cgroup-v2.json'), 0, first);
    expect(sample).toMatchObject({
      // (9.5e9 - 9e9) / (512004e9 - 512000e9) * 4 * 100
      cpuPercent: 50,
      onlineCpus: 4,
      memoryUsageBytes: 16252928 - 2093056,
      memoryLimitBytes: 16777216,
      memoryCacheBytes: 3145728,
      networkRxBytes: 51000,
      networkTxBytes: 2500,
      blockReadBytes: 4104192,
      blockWriteBytes: 1048576,
      pids: 7,
      pidsLimit: 0,
    });
    // The inspect's limit stands in when the engine's stats say none.
    expect(toStatsSample(fixture('cgroup-v2.json'), 0, { ...first, pidsLimit: 64 }).pidsLimit).toBe(64);
  });

  it('sums v1 block I/O by the first letter of the operation (Read, Write; not Sync, Async or Total)', () => {
    const stats = fixture('docker-20.10-cgroup-v1.json');
    stats.blkio_stats = {
      io_service_bytes_recursive: ['Read:100', 'Write:30', 'Sync:130', 'Async:0', 'Total:130', 'Read:5', 'Write:2'].map((entry) => {
        const [op, value] = entry.split(':');
        return { op, value: Number(value) };
      }),
    };
    expect(toStatsSample(stats, 0, first)).toMatchObject({ blockReadBytes: 105, blockWriteBytes: 32 });
  });

  it('counts the per-CPU counters when the engine leaves online_cpus out (older engines)', () => {
    const stats = fixture('docker-20.10-cgroup-v1.json');
    if (stats.cpu_stats) stats.cpu_stats.online_cpus = 0;
    expect(toStatsSample(stats, 0, first)).toMatchObject({ onlineCpus: 2, cpuPercent: 0.09 });
  });

  it('falls back to v2 inactive_file when v1 total_inactive_file is not below the usage, and to the usage when neither is', () => {
    const base = { memory_stats: { usage: 1000, limit: 5000, stats: { total_inactive_file: 1000, inactive_file: 300 } } };
    expect(toStatsSample(base, 0, first).memoryUsageBytes).toBe(700);
    expect(toStatsSample({ memory_stats: { usage: 1000, stats: { inactive_file: 2000 } } }, 0, first).memoryUsageBytes).toBe(1000);
  });

  it('gives rates in bytes per second from the previous sample, and 0 after a counter went back (a restart)', () => {
    const before = toStatsSample(fixture('cgroup-v2.json'), 0, first);
    const later = fixture('cgroup-v2.json');
    later.read = '2026-11-30T10:00:04.004000000Z'; // two seconds on
    later.networks = { eth0: { rx_bytes: 61000, tx_bytes: 2500 } };
    later.blkio_stats = { io_service_bytes_recursive: [{ op: 'read', value: 4104192 + 2048 }, { op: 'write', value: 0 }] };
    expect(toStatsSample(later, 0, { ...first, previous: before })).toMatchObject({
      networkRxBytesPerSecond: 5000,
      networkTxBytesPerSecond: 0,
      blockReadBytesPerSecond: 1024,
      blockWriteBytesPerSecond: 0,
    });
  });

  it('reads zero CPU on the first reading (no previous one) and a stopped container', () => {
    const sample = toStatsSample({ read: '0001-01-01T00:00:00Z', cpu_stats: {}, precpu_stats: {} }, 42, first);
    expect(sample).toMatchObject({ time: 42, cpuPercent: 0, memoryUsageBytes: 0, pids: 0, networkRxBytes: 0 });
  });
});

describe('cpuLimitOfLimits', () => {
  it('takes --cpus, or the CPUs a cpuset names, or the smaller of both; 0 without either', () => {
    expect(cpuLimitOfLimits({ cpus: 0.5, cpusetCpus: '' })).toBe(0.5);
    expect(cpuLimitOfLimits({ cpus: 0, cpusetCpus: '0-2,5' })).toBe(4);
    expect(cpuLimitOfLimits({ cpus: 3, cpusetCpus: '1' })).toBe(1);
    expect(cpuLimitOfLimits({ cpus: 0, cpusetCpus: '' })).toBe(0);
  });

  it('reads cpuset lists as the engine takes them, and an unreadable one as none', () => {
    expect(cpusetSize('0')).toBe(1);
    expect(cpusetSize('0-3, 8-9')).toBe(6);
    expect(cpusetSize('3-1')).toBe(0);
    expect(cpusetSize('a')).toBe(0);
  });
});
