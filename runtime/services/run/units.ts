/**
 * CPUs <-> the engine's `NanoCpus`, for the HostConfig mappings. Reading and writing CPUs as
 * text (`--cpus 1.5`) is runtime/api/resource-text.ts.
 */

export function nanoCpusOf(cpus: number): number {
  return Math.round(cpus * 1e9);
}

export function cpusOfNano(nanoCpus: number): number {
  return nanoCpus / 1e9;
}
