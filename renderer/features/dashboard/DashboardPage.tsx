import '../../ui/table.css';
import './dashboard.css';
import { useBerth } from '../../stores/store.js';
import { useEngineTags, type EngineTags } from '../../app/useEngineViews.js';
import { EngineTag } from '../../ui/EngineTag.js';
import { useNetworksWanted } from '../networks/useNetworks.js';
import { useVolumesFeed } from '../volumes/useVolumesFeed.js';
import { DashboardTopContainers } from './DashboardTopContainers.js';
import { DiskUsage } from './DiskUsage.js';
import { EngineFacts } from './EngineFacts.js';
import { EngineTotals } from './EngineTotals.js';

/**
 * `#/dashboard`: for every connected engine its facts, its totals (live from the stores) and its
 * disk usage with a prune per kind; then the top containers. Disk usage loads last and never
 * holds up the rest. Volumes and networks are listed while the page is open (volume sizes are
 * not asked for: the disk usage already measures them).
 */
export function DashboardPage() {
  useVolumesFeed(undefined, { withSizes: false });
  useNetworksWanted();
  const engines = useEngineTags();
  const connected = engines.views.filter((view) => view.state === 'connected');
  return (
    <section className="page dashboard-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Dashboard</h1>
      </header>
      {connected.length === 0 ? (
        <p className="empty">No engine is connected: see Engines for why.</p>
      ) : (
        connected.map((view) => <EngineDashboard key={view.engineId} engineId={view.engineId} engines={engines} />)
      )}
      <DashboardTopContainers engineIds={connected.map((view) => view.engineId)} />
    </section>
  );
}

function EngineDashboard({ engineId, engines }: { engineId: string; engines: EngineTags }) {
  const view = engines.byId.get(engineId);
  const identity = useBerth((s) => s.engines.entries?.find((entry) => entry.engineId === engineId)?.identity);
  const name = view?.name ?? engineId;
  return (
    <section className="dashboard-engine" aria-label={`Engine ${name}`}>
      <h2>{view === undefined ? name : <EngineTag engine={view} />}</h2>
      <div className="dashboard-grid">
        <EngineFacts engineId={engineId} identity={identity} />
        <EngineTotals engineId={engineId} />
      </div>
      <DiskUsage engineId={engineId} engines={engines} />
    </section>
  );
}
