/**
 * The Dashboard's "Top containers" section: the top containers by CPU and by memory, live.
 * A placeholder: the stats feature's `TopContainers` (renderer/features/stats/TopContainers.tsx,
 * given only the engine ids) fills it where the stats history is kept.
 */
export function DashboardTopContainers({ engineIds }: { engineIds: readonly string[] }) {
  void engineIds;
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-top-containers">
      <h2 id="dashboard-top-containers">Top containers</h2>
    </section>
  );
}
