import './stats.css';
import { useMemo, useState } from 'react';
import { displayByteSize, type StatsSample } from '../../../runtime/api/index.js';
import { containerHref } from '../../app/routes.js';
import { itemKey } from '../../stores/itemKey.js';
import { useBerth } from '../../stores/store.js';
import { LiveSamples, useLiveSamplesVersion } from './liveSamples.js';
import { useWatchStats } from './useWatchStats.js';

interface TopContainersProps {
  /** The engines whose running containers are ranked together. */
  engineIds: readonly string[];
}

/** How many containers each ranking shows. */
export const topCount = 5;

interface Ranked {
  key: string;
  engineId: string;
  id: string;
  name: string;
  sample: StatsSample;
}

/**
 * The running containers using the most CPU and the most memory, live (for the Dashboard):
 * one `stats.watch` per engine for its running containers, fed by the stats the backend keeps
 * anyway, and none while the page is hidden.
 */
export function TopContainers({ engineIds }: TopContainersProps) {
  const byEngine = useBerth((s) => s.containers.byEngine);
  const [samples] = useState(() => new LiveSamples());
  const engineKey = engineIds.join('\n');
  const running = useMemo(() => {
    const list: { engineId: string; id: string; name: string }[] = [];
    for (const engineId of engineKey.split('\n')) {
      for (const container of Object.values(byEngine[engineId]?.byId ?? {})) {
        if (container.state === 'running') list.push({ engineId, id: container.id, name: container.name });
      }
    }
    return list;
  }, [byEngine, engineKey]);
  const idsByEngine = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const { engineId, id } of running) map.set(engineId, [...(map.get(engineId) ?? []), id]);
    return map;
  }, [running]);
  useWatchStats(samples, idsByEngine);
  const version = useLiveSamplesVersion(samples);

  const ranked = useMemo(() => {
    void version; // the samples changed in place
    const list: Ranked[] = [];
    for (const { engineId, id, name } of running) {
      const key = itemKey(engineId, id);
      const sample = samples.get(key);
      if (sample) list.push({ key, engineId, id, name, sample });
    }
    return list;
  }, [running, samples, version]);
  const byCpu = [...ranked].sort((a, b) => b.sample.cpuPercent - a.sample.cpuPercent).slice(0, topCount);
  const byMemory = [...ranked].sort((a, b) => b.sample.memoryUsageBytes - a.sample.memoryUsageBytes).slice(0, topCount);

  return (
    <div className="top-containers">
      <TopList title="Top by CPU" entries={byCpu} isEmpty={running.length === 0} value={(sample) => `${sample.cpuPercent.toFixed(1)}%`} />
      <TopList title="Top by memory" entries={byMemory} isEmpty={running.length === 0} value={(sample) => displayByteSize(sample.memoryUsageBytes)} />
    </div>
  );
}

function TopList({ title, entries, isEmpty, value }: { title: string; entries: Ranked[]; isEmpty: boolean; value: (sample: StatsSample) => string }) {
  const id = `top-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {isEmpty ? (
        <p className="muted">No running containers</p>
      ) : entries.length === 0 ? (
        <p className="muted">Waiting for the first samples…</p>
      ) : (
        <ol aria-label={title}>
          {entries.map((entry) => (
            <li key={entry.key}>
              <a href={containerHref(entry.engineId, entry.id, 'stats')}>{entry.name}</a>
              <span>{value(entry.sample)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
