import type { ContainerLimits, ResourcesSpec, RestartPolicySpec } from '../../../runtime/api/index.js';
import { bytesForInput, formatBytes, parseBytes } from '../../ui/bytes.js';

/** The engine's smallest memory limit (docker: "Minimum memory limit allowed is 6MB", 1 MB = 1 MiB). */
export const minMemoryBytes = 6 * 1024 * 1024;

export const restartNames = ['no', 'always', 'unless-stopped', 'on-failure'] as const;

/** The editor's fields, named as in the contract so an engine error's `details.field` finds its field. */
export interface ResourcesForm {
  memoryBytes: string;
  memoryReservationBytes: string;
  memorySwapBytes: string;
  cpus: string;
  cpuShares: string;
  cpusetCpus: string;
  pidsLimit: string;
  restartName: string;
  restartMaxRetries: string;
}

export type ResourcesField = keyof ResourcesForm;
export type FieldErrors = Partial<Record<ResourcesField, string>>;

export const fieldLabels: Record<ResourcesField, string> = {
  memoryBytes: 'Memory limit',
  memoryReservationBytes: 'Memory reservation',
  memorySwapBytes: 'Memory + swap',
  cpus: 'CPUs',
  cpuShares: 'CPU shares',
  cpusetCpus: 'CPU set',
  pidsLimit: 'PIDs limit',
  restartName: 'Restart policy',
  restartMaxRetries: 'Maximum retries',
};

/** What the host offers, from the engine identity; unknown limits are not checked here. */
export interface HostCapacity {
  cpus?: number;
  memoryBytes?: number;
}

const positive = (n: number) => (n > 0 ? n : null);

export function formFromLimits(limits: ContainerLimits): ResourcesForm {
  const bytes = (n: number) => (n > 0 ? bytesForInput(n) : '');
  return {
    memoryBytes: bytes(limits.memoryBytes),
    memoryReservationBytes: bytes(limits.memoryReservationBytes),
    memorySwapBytes: limits.memorySwapBytes === -1 ? '-1' : bytes(limits.memorySwapBytes),
    cpus: positive(limits.cpus)?.toString() ?? '',
    cpuShares: positive(limits.cpuShares)?.toString() ?? '',
    cpusetCpus: limits.cpusetCpus,
    pidsLimit: positive(limits.pidsLimit)?.toString() ?? '',
    restartName: limits.restart.name === '' ? 'no' : limits.restart.name,
    restartMaxRetries: String(limits.restart.maxRetries),
  };
}

export interface ResourcesUpdate {
  resources: ResourcesSpec;
  restart?: RestartPolicySpec;
}

/**
 * Checks every field against the engine's rules and the host, and returns only what changed.
 * Errors name the field and the reason. A limit cannot be lifted by `docker update` (zero means
 * "unchanged" to the engine), except PIDs (-1) and swap (-1); clearing others is an error.
 */
export function readResourcesForm(form: ResourcesForm, limits: ContainerLimits, host: HostCapacity): { errors: FieldErrors; update: ResourcesUpdate | null } {
  const errors: FieldErrors = {};
  const initial = formFromLimits(limits);
  const resources: ResourcesSpec = {};
  const changed = (field: ResourcesField) => form[field].trim() !== initial[field].trim();
  const cannotLift = (field: ResourcesField) => `${fieldLabels[field]} cannot be removed from a running container; use Recreate with changes.`;

  const readBytes = (field: 'memoryBytes' | 'memoryReservationBytes'): number | null => {
    const text = form[field].trim();
    if (text === '') return null;
    const bytes = parseBytes(text);
    if (bytes === null) errors[field] = `${fieldLabels[field]} must be a size like 256m or 1g.`;
    else if (host.memoryBytes !== undefined && bytes > host.memoryBytes) errors[field] = `${fieldLabels[field]} must be at most the host's memory (${formatBytes(host.memoryBytes)}).`;
    return bytes;
  };

  const memory = readBytes('memoryBytes');
  if (memory !== null && memory < minMemoryBytes && !errors.memoryBytes) errors.memoryBytes = `Memory limit must be at least ${formatBytes(minMemoryBytes)}.`;
  const reservation = readBytes('memoryReservationBytes');
  const effectiveMemory = memory ?? positive(limits.memoryBytes);
  if (reservation !== null && effectiveMemory !== null && reservation > effectiveMemory && !errors.memoryReservationBytes) {
    errors.memoryReservationBytes = `Memory reservation must not exceed the memory limit (${formatBytes(effectiveMemory)}).`;
  }

  const swapText = form.memorySwapBytes.trim();
  const swap = swapText === '' ? null : swapText === '-1' ? -1 : parseBytes(swapText);
  if (swapText !== '' && swap === null) errors.memorySwapBytes = 'Memory + swap must be a size like 1g, or -1 for unlimited swap.';
  else if (swap !== null && swap !== -1 && effectiveMemory === null) errors.memorySwapBytes = 'Memory + swap needs a memory limit too.';
  else if (swap !== null && swap !== -1 && effectiveMemory !== null && swap < effectiveMemory) {
    errors.memorySwapBytes = `Memory + swap must be at least the memory limit (${formatBytes(effectiveMemory)}).`;
  }

  // The engine refuses a memory limit above the swap limit already set, unless both change.
  const currentSwap = limits.memorySwapBytes;
  if (memory !== null && changed('memoryBytes') && !changed('memorySwapBytes') && currentSwap > 0 && memory > currentSwap && !errors.memoryBytes) {
    errors.memoryBytes = `Memory limit must not exceed Memory + swap (${formatBytes(currentSwap)}); raise that too.`;
  }

  const cpusText = form.cpus.trim();
  const cpus = /^(\d+(\.\d+)?|\.\d+)$/.test(cpusText) ? Number(cpusText) : null;
  if (cpusText !== '' && (cpus === null || cpus <= 0)) errors.cpus = 'CPUs must be a number more than 0, like 1.5.';
  else if (cpus !== null && host.cpus !== undefined && cpus > host.cpus) errors.cpus = `CPUs must be at most ${host.cpus} (the host's CPUs).`;

  const sharesText = form.cpuShares.trim();
  const shares = /^\d+$/.test(sharesText) ? Number(sharesText) : null;
  if (sharesText !== '' && (shares === null || shares < 2 || shares > 262_144)) errors.cpuShares = 'CPU shares must be a whole number from 2 to 262144.';

  const cpuset = form.cpusetCpus.trim();
  const cpusetError = cpusetProblem(cpuset, host.cpus);
  if (cpuset !== '' && cpusetError) errors.cpusetCpus = cpusetError;

  const pidsText = form.pidsLimit.trim();
  const pids = pidsText === '' ? -1 : /^\d+$/.test(pidsText) ? Number(pidsText) : null;
  if (pids === null || pids === 0) errors.pidsLimit = 'PIDs limit must be a whole number of 1 or more, or empty for no limit.';

  const retriesText = form.restartMaxRetries.trim();
  const retries = /^\d+$/.test(retriesText) ? Number(retriesText) : null;
  if (form.restartName === 'on-failure' && retries === null) errors.restartMaxRetries = 'Maximum retries must be a whole number (0 = never give up).';
  if (!(restartNames as readonly string[]).includes(form.restartName)) errors.restartName = 'Restart policy must be no, always, unless-stopped or on-failure.';

  // Only what the user changed is sent; an unchanged field is never "re-applied".
  for (const field of ['memoryBytes', 'memoryReservationBytes', 'memorySwapBytes', 'cpus', 'cpuShares', 'cpusetCpus'] as const) {
    if (changed(field) && form[field].trim() === '' && !errors[field]) errors[field] = cannotLift(field);
  }
  if (changed('memoryBytes') && memory !== null) resources.memoryBytes = memory;
  if (changed('memoryReservationBytes') && reservation !== null) resources.memoryReservationBytes = reservation;
  if (changed('memorySwapBytes') && swap !== null) resources.memorySwapBytes = swap;
  // A first memory limit with swap left empty gets docker run's default, swap equal to memory;
  // the engine would otherwise refuse it ("update the memoryswap at the same time").
  else if (changed('memoryBytes') && memory !== null && limits.memoryBytes === 0 && currentSwap === 0 && swapText === '') resources.memorySwapBytes = 2 * memory;
  if (changed('cpus') && cpus !== null) resources.cpus = cpus;
  if (changed('cpuShares') && shares !== null) resources.cpuShares = shares;
  if (changed('cpusetCpus') && cpuset !== '') resources.cpusetCpus = cpuset;
  if (changed('pidsLimit') && pids !== null) resources.pidsLimit = pids;
  const restartChanged = changed('restartName') || (form.restartName === 'on-failure' && changed('restartMaxRetries'));
  const restart: RestartPolicySpec | undefined = !restartChanged
    ? undefined
    : form.restartName === 'on-failure'
      ? { name: 'on-failure', maxRetries: retries ?? 0 }
      : { name: form.restartName as RestartPolicySpec['name'] };

  if (Object.keys(errors).length > 0) return { errors, update: null };
  if (Object.keys(resources).length === 0 && restart === undefined) return { errors, update: null };
  return { errors, update: restart === undefined ? { resources } : { resources, restart } };
}

/** `0-2,4`: well-formed, ranges ascending, every CPU one the host has (numbered from 0). */
function cpusetProblem(cpuset: string, hostCpus: number | undefined): string | null {
  if (!/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(cpuset)) return 'CPU set must list CPUs like 0-2,4.';
  for (const part of cpuset.split(',')) {
    const [from = 0, to = from] = part.split('-').map(Number);
    if (to < from) return `CPU set range ${part} must go from low to high.`;
    if (hostCpus !== undefined && to >= hostCpus) return `CPU set names CPU ${to}, but the host has CPUs 0-${hostCpus - 1}.`;
  }
  return null;
}

/** The editor field an engine error is about (`details.field` like `resources.memoryBytes`), if any. */
export function fieldOfError(field: unknown): ResourcesField | null {
  if (typeof field !== 'string') return null;
  const name = field.replace(/^resources\./, '');
  if (name === 'restart' || name === 'restart.name') return 'restartName';
  if (name === 'restart.maxRetries') return 'restartMaxRetries';
  return name in fieldLabels ? (name as ResourcesField) : null;
}
