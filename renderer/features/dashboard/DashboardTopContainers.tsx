import { TopContainers } from '../stats/TopContainers.js';

/** The Dashboard's "Top containers" section: the running containers using the most CPU and memory, live (renderer/features/stats). */
export function DashboardTopContainers({ engineIds }: { engineIds: readonly string[] }) {
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-top-containers">
      <h2 id="dashboard-top-containers">Top containers</h2>
      <TopContainers engineIds={engineIds} />
    </section>
  );
}
