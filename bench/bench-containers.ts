import type Docker from 'dockerode';
import { log } from './support.js';

/**
 * The fleet the bench lists: N containers of the test image running `sleep 3600`, most only
 * created, some running, and a few stopped "probe" containers that the start measure starts.
 * All carry the label `berth.bench=1`, and removal removes exactly those.
 */

export const benchLabel = 'berth.bench';
export const probePrefix = 'bench-probe-';

export interface FleetPlan {
  total: number;
  running: number;
  probes: number;
}

export interface Fleet {
  probeNames: string[];
  created: number;
  running: number;
}

export async function createFleet(docker: Docker, image: string, plan: FleetPlan, concurrency = 8): Promise<Fleet> {
  const plain = plan.total - plan.running - plan.probes;
  if (plain < 0) throw new Error(`cannot fit ${plan.running} running and ${plan.probes} probe containers in ${plan.total}`);
  const pad = (index: number, width: number) => String(index + 1).padStart(width, '0');
  // Probes are created last, so they are the newest and lead the list.
  const plainNames = Array.from({ length: plain }, (_, index) => `bench-${pad(index, 4)}`);
  const runningNames = Array.from({ length: plan.running }, (_, index) => `bench-run-${pad(index, 3)}`);
  const probeNames = Array.from({ length: plan.probes }, (_, index) => `${probePrefix}${pad(index, 2)}`);

  let created = 0;
  const create = async (name: string) => {
    await docker.createContainer({
      name,
      Image: image,
      Cmd: ['sleep', '3600'],
      Labels: { [benchLabel]: '1' },
      HostConfig: { NetworkMode: 'none' },
    });
    created++;
    if (created % 100 === 0) log(`created ${created}/${plan.total} containers`);
  };
  await forEachLimited(plainNames, concurrency, create);
  await forEachLimited(runningNames, concurrency, create);
  await forEachLimited(runningNames, Math.min(concurrency, 4), (name) => docker.getContainer(name).start());
  await forEachLimited(probeNames, concurrency, create);
  log(`created ${created} containers (${plan.running} running, ${plan.probes} probes)`);
  return { probeNames, created, running: plan.running };
}

/** Removes every container with the bench label (also those a crashed earlier run left). */
export async function removeFleet(docker: Docker, concurrency = 8): Promise<number> {
  const ours = await docker.listContainers({ all: true, filters: { label: [`${benchLabel}=1`] } });
  if (ours.length === 0) return 0;
  log(`removing ${ours.length} bench containers`);
  await forEachLimited(ours, concurrency, (item) => docker.getContainer(item.Id).remove({ force: true, v: true }));
  return ours.length;
}

/** Runs `work` over the items with at most `limit` in flight; fails with the first error after all settled. */
export async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length > 0) throw errors[0] instanceof Error ? errors[0] : new Error(String(errors[0]));
}

/** Force-removes the named containers (one measure's own); names already gone are not an error. */
export async function removeNamed(docker: Docker, names: readonly string[], concurrency = 8): Promise<void> {
  await forEachLimited(names, concurrency, async (name) => {
    try {
      await docker.getContainer(name).remove({ force: true, v: true });
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    }
  });
}
