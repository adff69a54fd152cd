import { displayByteSize } from './byte-size.js';
import type { EngineIdentity } from './engine.js';
import type { FieldIssue, ResourcesSpec } from './run-spec.js';

/** The engine refuses memory limits below this (6 MiB). */
export const minimumMemoryBytes = 6 * 1024 * 1024;

/**
 * CPU shares the kernel honours. The engine does not refuse others: it changes them to the
 * nearest bound with no more than a warning, so they are refused here, where the person can
 * still choose. 0 means "not set" (the engine's default, 1024).
 */
export const cpuSharesRange = { min: 2, max: 262_144 } as const;

/**
 * Checks limits against what the engine and its host allow, before anything is sent. The one
 * set of rules: the backend applies it to `containers.update` and RunSpecs, the UI's limit
 * editor to what is typed. `prefix` places the fields (e.g. `resources.` in a RunSpec). Pure.
 */
export function checkResources(resources: ResourcesSpec, host: Pick<EngineIdentity, 'cpus' | 'memoryBytes'> | undefined, prefix = 'resources.'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const issue = (field: keyof ResourcesSpec, message: string) => issues.push({ field: prefix + field, message });

  const { memoryBytes, memoryReservationBytes, memorySwapBytes, cpus, cpuShares, cpusetCpus } = resources;
  if (memoryBytes !== undefined && memoryBytes > 0) {
    if (memoryBytes < minimumMemoryBytes) issue('memoryBytes', "must be at least 6 MiB (the engine's minimum)");
    else if (host && host.memoryBytes > 0 && memoryBytes > host.memoryBytes) issue('memoryBytes', `must be at most the host's memory (${displayByteSize(host.memoryBytes)})`);
  }
  if (memoryReservationBytes !== undefined && memoryReservationBytes > 0) {
    if (memoryReservationBytes < minimumMemoryBytes) issue('memoryReservationBytes', 'must be at least 6 MiB');
    else if (memoryBytes !== undefined && memoryBytes > 0 && memoryReservationBytes > memoryBytes) issue('memoryReservationBytes', `must not exceed the memory limit (${displayByteSize(memoryBytes)})`);
  }
  if (memorySwapBytes !== undefined && memorySwapBytes > 0) {
    if (memoryBytes === undefined || memoryBytes <= 0) issue('memorySwapBytes', 'needs a memory limit too');
    else if (memorySwapBytes < memoryBytes) issue('memorySwapBytes', `must be at least the memory limit (${displayByteSize(memoryBytes)}): it counts memory plus swap; -1 is unlimited swap`);
  }
  if (cpus !== undefined && host && host.cpus > 0 && cpus > host.cpus) issue('cpus', `must be at most ${host.cpus} (the host's CPUs)`);
  if (cpuShares !== undefined && cpuShares !== 0 && (cpuShares < cpuSharesRange.min || cpuShares > cpuSharesRange.max)) {
    issue('cpuShares', `must be a whole number from ${cpuSharesRange.min} to ${cpuSharesRange.max}`);
  }
  if (cpusetCpus !== undefined && cpusetCpus !== '' && host && host.cpus > 0) {
    const missing = cpusBeyond(cpusetCpus, host.cpus);
    if (missing !== null) issue('cpusetCpus', `names CPU ${missing}, but the host has CPUs 0-${host.cpus - 1}`);
  }
  const backwards = (cpusetCpus ?? '').split(',').find((part) => {
    const [from, to] = part.split('-').map(Number);
    return to !== undefined && from !== undefined && to < from;
  });
  if (backwards) issue('cpusetCpus', `range ${backwards} must go from low to high`);
  return issues;
}

/**
 * The CPUs a cpuset names at or past `cpus` (the host's count), as the message lists them:
 * `2, 3` one by one when few, else by range (`4-94056812`); null when there are none. Ranges
 * are never expanded whole: a typed `0-99999999` must not stall the backend or the form.
 */
export function cpusBeyond(cpuset: string, cpus: number): string | null {
  const beyond: [number, number][] = [];
  for (const part of cpuset.split(',')) {
    const [from, to] = part.split('-').map(Number);
    if (from === undefined || Number.isNaN(from)) continue;
    const low = Math.max(from, cpus);
    const high = to === undefined || Number.isNaN(to) ? from : to;
    if (low <= high) beyond.push([low, high]);
  }
  if (beyond.length === 0) return null;
  const count = beyond.reduce((sum, [low, high]) => sum + high - low + 1, 0);
  if (count > 8) return beyond.map(([low, high]) => (low === high ? `${low}` : `${low}-${high}`)).join(', ');
  return beyond.flatMap(([low, high]) => Array.from({ length: high - low + 1 }, (_, offset) => low + offset)).join(', ');
}
