import { checkResources, displayByteSize, formatByteSize, parseByteSize, type ContainerLimits, type ResourcesSpec, type RestartPolicySpec } from '../../../runtime/api/index.js';
import { parseCpus, parseMemorySwap, parseWholeNumber, resourceTextReaders, type ResourcesText } from '../../../runtime/api/resource-text.js';

export const restartNames = ['no', 'always', 'unless-stopped', 'on-failure'] as const;

/** The editor's fields, named as in the contract so an engine error's `details.field` finds its field. */
export interface ResourcesForm extends ResourcesText {
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
  const bytes = (n: number) => (n > 0 ? formatByteSize(n) : '');
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
    const bytes = parseByteSize(text);
    if (bytes === null) errors[field] = `${fieldLabels[field]} must be a size like 256m or 1g.`;
    return bytes;
  };

  const memory = readBytes('memoryBytes');
  const reservation = readBytes('memoryReservationBytes');
  const effectiveMemory = memory ?? positive(limits.memoryBytes);

  const swapText = form.memorySwapBytes.trim();
  const swap = swapText === '' ? null : parseMemorySwap(swapText);
  if (swapText !== '' && swap === null) errors.memorySwapBytes = 'Memory + swap must be a size like 1g, or -1 for unlimited swap.';

  // The engine refuses a memory limit above the swap limit already set, unless both change.
  const currentSwap = limits.memorySwapBytes;
  if (memory !== null && changed('memoryBytes') && !changed('memorySwapBytes') && currentSwap > 0 && memory > currentSwap && !errors.memoryBytes) {
    errors.memoryBytes = `Memory limit must not exceed Memory + swap (${displayByteSize(currentSwap)}); raise that too.`;
  }

  const cpusText = form.cpus.trim();
  const cpusRead = parseCpus(cpusText);
  const cpus = 'nanoCpus' in cpusRead && cpusRead.nanoCpus > 0 ? cpusRead.nanoCpus / 1e9 : null;
  if (cpusText !== '' && cpus === null) errors.cpus = 'error' in cpusRead && /too precise/.test(cpusRead.error) ? 'CPUs must have at most 9 decimals.' : 'CPUs must be a number more than 0, like 1.5.';

  // The range itself is checkResources' rule; 0 would leave the shares unchanged, so it is no answer here.
  const sharesText = form.cpuShares.trim();
  const shares = parseWholeNumber(sharesText);
  if (sharesText !== '' && (shares === null || shares === 0)) errors.cpuShares = 'CPU shares must be a whole number from 2 to 262144.';

  const cpuset = form.cpusetCpus.trim();
  if (cpuset !== '' && resourceTextReaders.cpusetCpus(cpuset) === null) errors.cpusetCpus = 'CPU set must list CPUs like 0-2,4.';

  // The engine's and the host's limits: the same rules the backend applies (runtime/api/resource-rules).
  // Reservation and swap are checked against the memory limit that will be in force.
  const ruleIssues = checkResources(
    {
      ...(effectiveMemory === null ? {} : { memoryBytes: effectiveMemory }),
      ...(reservation === null ? {} : { memoryReservationBytes: reservation }),
      ...(swap === null ? {} : { memorySwapBytes: swap }),
      ...(cpus === null ? {} : { cpus }),
      ...(shares === null ? {} : { cpuShares: shares }),
      ...(cpuset === '' ? {} : { cpusetCpus: cpuset }),
    },
    // 0 = not known: that rule is then left to the engine.
    { cpus: host.cpus ?? 0, memoryBytes: host.memoryBytes ?? 0 },
    '',
  );
  for (const issue of ruleIssues) {
    const field = issue.field as ResourcesField;
    // The memory limit itself is only judged when it is being changed.
    if (field === 'memoryBytes' && memory === null) continue;
    errors[field] ??= `${fieldLabels[field]} ${issue.message}.`;
  }

  // Empty lifts the limit (-1); `docker update` takes 0 as "unchanged", so it is no answer here.
  const pidsText = form.pidsLimit.trim();
  const pids = pidsText === '' ? -1 : parseWholeNumber(pidsText);
  if (pids === null || (pidsText !== '' && pids < 1)) errors.pidsLimit = 'PIDs limit must be a whole number of 1 or more, or empty for no limit.';

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

/** The editor field an engine error is about (`details.field` like `resources.memoryBytes`), if any. */
export function fieldOfError(field: unknown): ResourcesField | null {
  if (typeof field !== 'string') return null;
  const name = field.replace(/^resources\./, '');
  if (name === 'restart' || name === 'restart.name') return 'restartName';
  if (name === 'restart.maxRetries') return 'restartMaxRetries';
  return name in fieldLabels ? (name as ResourcesField) : null;
}
