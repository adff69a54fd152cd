// Test-only: a stats sample with every field, for component tests. Not part of the build's pages.
import type { StatsSample } from '../../../runtime/api/index.js';

export function statsSample(fields: Partial<StatsSample> = {}): StatsSample {
  return {
    time: 1,
    cpuPercent: 0,
    onlineCpus: 2,
    cpuLimitCpus: 0,
    memoryUsageBytes: 0,
    memoryLimitBytes: 2 ** 30,
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
    ...fields,
  };
}
