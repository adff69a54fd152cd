import { describe, expect, it } from 'vitest';
import { hostConfigOfResources, limitsOfHostConfig } from './resources.js';

describe('resources to HostConfig', () => {
  it('sends only the limits given, CPUs as exact NanoCpus', () => {
    expect(hostConfigOfResources({})).toEqual({});
    expect(hostConfigOfResources({ memoryBytes: 48 * 1024 * 1024, cpus: 1.5 })).toEqual({ Memory: 48 * 1024 * 1024, NanoCpus: 1_500_000_000 });
    expect(hostConfigOfResources({ cpus: 0.1, cpuShares: 512, cpusetCpus: '0-1', pidsLimit: 64, memoryReservationBytes: 1, memorySwapBytes: -1 })).toEqual({
      NanoCpus: 100_000_000,
      CpuShares: 512,
      CpusetCpus: '0-1',
      PidsLimit: 64,
      MemoryReservation: 1,
      MemorySwap: -1,
    });
  });
});

describe('HostConfig to limits', () => {
  it('reads back what was sent', () => {
    const sent = hostConfigOfResources({ memoryBytes: 64 * 1024 * 1024, memorySwapBytes: 128 * 1024 * 1024, cpus: 0.5, cpuShares: 256, cpusetCpus: '0', pidsLimit: 10 });
    expect(limitsOfHostConfig({ ...sent, RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 } })).toEqual({
      memoryBytes: 64 * 1024 * 1024,
      memoryReservationBytes: 0,
      memorySwapBytes: 128 * 1024 * 1024,
      cpus: 0.5,
      cpuShares: 256,
      cpusetCpus: '0',
      pidsLimit: 10,
      restart: { name: 'on-failure', maxRetries: 3 },
    });
  });

  it('reads CPUs from CpuQuota/CpuPeriod where the engine keeps them there (Podman)', () => {
    expect(limitsOfHostConfig({ NanoCpus: 0, CpuQuota: 150_000, CpuPeriod: 100_000 }).cpus).toBe(1.5);
    expect(limitsOfHostConfig({ CpuQuota: -1, CpuPeriod: 100_000 }).cpus).toBe(0);
  });

  it('reads absent and null fields as no limit, and no restart policy as "no"', () => {
    expect(limitsOfHostConfig({ PidsLimit: null, RestartPolicy: { Name: '' } })).toEqual({
      memoryBytes: 0,
      memoryReservationBytes: 0,
      memorySwapBytes: 0,
      cpus: 0,
      cpuShares: 0,
      cpusetCpus: '',
      pidsLimit: 0,
      restart: { name: 'no', maxRetries: 0 },
    });
  });
});
