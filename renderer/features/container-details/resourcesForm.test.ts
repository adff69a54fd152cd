import { describe, expect, it } from 'vitest';
import type { ContainerLimits } from '../../../runtime/api/index.js';
import { fieldOfError, formFromLimits, readResourcesForm, type ResourcesForm } from './resourcesForm.js';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
const unlimited: ContainerLimits = {
  memoryBytes: 0,
  memoryReservationBytes: 0,
  memorySwapBytes: 0,
  cpus: 0,
  cpuShares: 0,
  cpusetCpus: '',
  pidsLimit: 0,
  restart: { name: 'no', maxRetries: 0 },
};
const host = { cpus: 4, memoryBytes: 8 * GiB };

function read(changes: Partial<ResourcesForm>, limits: ContainerLimits = unlimited) {
  return readResourcesForm({ ...formFromLimits(limits), ...changes }, limits, host);
}

describe('resources form', () => {
  it('prefills from the limits in effect, in human units', () => {
    const form = formFromLimits({ ...unlimited, memoryBytes: 256 * MiB, memorySwapBytes: -1, cpus: 1.5, pidsLimit: 100, restart: { name: 'on-failure', maxRetries: 3 } });
    expect(form).toMatchObject({ memoryBytes: '256m', memorySwapBytes: '-1', cpus: '1.5', pidsLimit: '100', restartName: 'on-failure', restartMaxRetries: '3' });
  });

  it('reads human units and sends only what changed', () => {
    const limits = { ...unlimited, memoryBytes: 256 * MiB, cpus: 1 };
    expect(read({ memoryBytes: '1g', cpusetCpus: '0-1,3' }, limits)).toEqual({
      errors: {},
      update: { resources: { memoryBytes: GiB, cpusetCpus: '0-1,3' } },
    });
    expect(read({}, limits).update).toBeNull();
  });

  it.each<[Partial<ResourcesForm>, keyof ResourcesForm, string]>([
    [{ memoryBytes: '4m' }, 'memoryBytes', "Memory limit must be at least 6 MiB (the engine's minimum)."],
    [{ memoryBytes: '16g' }, 'memoryBytes', "Memory limit must be at most the host's memory (8 GiB)."],
    [{ memoryBytes: 'lots' }, 'memoryBytes', 'Memory limit must be a size like 256m or 1g.'],
    [{ memoryBytes: '256m', memoryReservationBytes: '512m' }, 'memoryReservationBytes', 'Memory reservation must not exceed the memory limit (256 MiB).'],
    [{ memoryBytes: '256m', memorySwapBytes: '128m' }, 'memorySwapBytes', 'Memory + swap must be at least the memory limit (256 MiB): it counts memory plus swap; -1 is unlimited swap.'],
    [{ memorySwapBytes: '1g' }, 'memorySwapBytes', 'Memory + swap needs a memory limit too.'],
    [{ cpus: '8' }, 'cpus', "CPUs must be at most 4 (the host's CPUs)."],
    [{ cpus: '1,5' }, 'cpus', 'CPUs must be a number more than 0, like 1.5.'],
    [{ cpus: '0' }, 'cpus', 'CPUs must be a number more than 0, like 1.5.'],
    [{ cpuShares: '1' }, 'cpuShares', 'CPU shares must be a whole number from 2 to 262144.'],
    [{ cpuShares: '0' }, 'cpuShares', 'CPU shares must be a whole number from 2 to 262144.'],
    [{ cpuShares: '300000' }, 'cpuShares', 'CPU shares must be a whole number from 2 to 262144.'],
    [{ cpus: '0.0000000001' }, 'cpus', 'CPUs must have at most 9 decimals.'],
    [{ cpusetCpus: '0-4' }, 'cpusetCpus', 'CPU set names CPU 4, but the host has CPUs 0-3.'],
    [{ cpusetCpus: '2-1' }, 'cpusetCpus', 'CPU set range 2-1 must go from low to high.'],
    [{ cpusetCpus: 'all' }, 'cpusetCpus', 'CPU set must list CPUs like 0-2,4.'],
    [{ pidsLimit: '-5' }, 'pidsLimit', 'PIDs limit must be a whole number of 1 or more, or empty for no limit.'],
    [{ restartName: 'on-failure', restartMaxRetries: 'x' }, 'restartMaxRetries', 'Maximum retries must be a whole number (0 = never give up).'],
  ])('rejects %j, naming the field', (changes, field, message) => {
    const { errors, update } = read(changes);
    expect(errors[field]).toBe(message);
    expect(update).toBeNull();
  });

  it('gives a first memory limit the swap docker run would, and keeps memory under a swap limit', () => {
    expect(read({ memoryBytes: '256m' }).update).toEqual({ resources: { memoryBytes: 256 * MiB, memorySwapBytes: 512 * MiB } });
    expect(read({ memoryBytes: '256m', memorySwapBytes: '-1' }).update).toEqual({ resources: { memoryBytes: 256 * MiB, memorySwapBytes: -1 } });
    const withSwap = { ...unlimited, memoryBytes: 256 * MiB, memorySwapBytes: 512 * MiB };
    expect(read({ memoryBytes: '128m' }, withSwap).update).toEqual({ resources: { memoryBytes: 128 * MiB } });
    expect(read({ memoryBytes: '1g' }, withSwap).errors.memoryBytes).toBe('Memory limit must not exceed Memory + swap (512 MiB); raise that too.');
  });

  it('refuses to clear a limit docker update cannot lift, but lifts PIDs and swap', () => {
    const limits = { ...unlimited, memoryBytes: 256 * MiB, memorySwapBytes: 512 * MiB, pidsLimit: 50 };
    expect(read({ memoryBytes: '' }, limits).errors.memoryBytes).toBe('Memory limit cannot be removed from a running container; use Recreate with changes.');
    expect(read({ pidsLimit: '', memorySwapBytes: '-1' }, limits).update).toEqual({ resources: { pidsLimit: -1, memorySwapBytes: -1 } });
  });

  it('sends a restart policy with its retries only for on-failure', () => {
    expect(read({ restartName: 'on-failure', restartMaxRetries: '5' }).update).toEqual({ resources: {}, restart: { name: 'on-failure', maxRetries: 5 } });
    expect(read({ restartName: 'always' }).update).toEqual({ resources: {}, restart: { name: 'always' } });
  });

  it('finds the field an engine error names', () => {
    expect(fieldOfError('resources.memoryBytes')).toBe('memoryBytes');
    expect(fieldOfError('restart.maxRetries')).toBe('restartMaxRetries');
    expect(fieldOfError('id')).toBeNull();
    expect(fieldOfError(undefined)).toBeNull();
  });
});
