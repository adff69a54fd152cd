import { useMemo } from 'react';
import type { ContainerState } from '../../../runtime/api/index.js';
import { useBerth } from '../../stores/store.js';

const states: ContainerState[] = ['running', 'paused', 'restarting', 'created', 'exited', 'dead', 'removing'];

/**
 * How many containers (by state), images, volumes and networks one engine has, live from the
 * stores the app keeps (the engine's events patch them); a list not yet in says so.
 */
export function EngineTotals({ engineId }: { engineId: string }) {
  const containers = useBerth((s) => s.containers.byEngine[engineId]);
  const images = useBerth((s) => s.images.byEngine[engineId]);
  const volumes = useBerth((s) => s.volumes.byEngine[engineId]);
  const networks = useBerth((s) => s.networks.byEngine[engineId]);
  const byState = useMemo(() => {
    const counts = new Map<ContainerState, number>();
    for (const container of Object.values(containers?.byId ?? {})) counts.set(container.state, (counts.get(container.state) ?? 0) + 1);
    return counts;
  }, [containers]);
  const containerCount = containers?.loaded ? Object.keys(containers.byId).length : null;
  const stateText = states
    .filter((state) => (byState.get(state) ?? 0) > 0)
    .map((state) => `${byState.get(state)} ${state}`)
    .join(', ');
  const totals: [string, string][] = [
    ['Containers', containerCount === null ? 'loading…' : `${containerCount}${stateText === '' ? '' : ` (${stateText})`}`],
    ['Images', images?.loaded ? String(Object.keys(images.byId).length) : 'loading…'],
    ['Volumes', volumes?.loaded ? String(Object.keys(volumes.byName).length) : 'loading…'],
    ['Networks', networks?.loaded ? String(Object.keys(networks.byId).length) : 'loading…'],
  ];
  return (
    <section className="dashboard-section" aria-label="Totals">
      <h3>Totals</h3>
      <dl className="dashboard-facts">
        {totals.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
