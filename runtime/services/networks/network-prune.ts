import { compareInstants, instantOf, type Instant, type PruneFilters } from '../../api/index.js';
import type { EngineNetwork } from '../../engine/json/network.js';
import { matchesLabels } from '../images/prune-plan.js';

/**
 * Which networks `POST /networks/prune` looks at, decided as the engine decides it (moby
 * daemon/prune.go, localNetworksPrune), without removing anything. Pure. The engine then skips
 * every one of these that has an endpoint (a running container on it), which only its inspect
 * tells: the caller asks for that.
 *
 * Left out, in the engine's order: config-only networks; networks created after `until`;
 * networks the label filters leave out; the predefined ones (`bridge`, `host`, `none`, and the
 * names `default` and `ingress`, which the engine also never prunes).
 */

const neverPruned: readonly string[] = ['bridge', 'host', 'none', 'default', 'ingress'];

export function pruneCandidates(networks: readonly EngineNetwork[], filters: Pick<PruneFilters, 'label' | 'label!'>, until: Instant | null): EngineNetwork[] {
  return networks.filter((network) => {
    if (network.ConfigOnly === true) return false;
    // A network without a creation time is the zero time to the engine: before any `until`.
    if (until !== null && network.Created && compareInstants(instantOf(network.Created), until) > 0) return false;
    if (!matchesLabels(filters, network.Labels ?? {})) return false;
    return !neverPruned.includes(network.Name);
  });
}

/** The engine's prune filters from the words read (`until` as the instant the preview used, so both decide alike). */
export function enginePruneFilters(filters: Pick<PruneFilters, 'label' | 'label!'>, until: Instant | null): Record<string, string[]> {
  const engine: Record<string, string[]> = {};
  if (filters.label.length > 0) engine.label = [...filters.label];
  if (filters['label!'].length > 0) engine['label!'] = [...filters['label!']];
  if (until !== null) engine.until = [`${until.seconds}.${String(until.nanos).padStart(9, '0')}`];
  return engine;
}
