import { useTopPolling } from './useTopPolling.js';

/** The processes in the container (`docker top`), refreshed while this tab is open. */
export function ProcessesTab({ engineId, containerId, isRunning }: { engineId: string; containerId: string; isRunning: boolean }) {
  const { processes, error, isLive } = useTopPolling(engineId, containerId, isRunning);
  if (!isRunning) return <p className="empty">The container is not running, so it has no processes.</p>;
  return (
    <div className="processes">
      <p className="muted" role="status">
        {isLive ? 'Refreshed every 2 seconds.' : 'Paused while the window is hidden.'}
      </p>
      {error && (
        <p role="alert" className="error-text">
          Could not list processes: {error.message}
        </p>
      )}
      {processes === null ? (
        !error && <p className="empty">Loading processes…</p>
      ) : (
        <table className="kv-table" aria-label="Processes">
          <thead>
            <tr>
              {processes.titles.map((title, index) => (
                <th key={index} scope="col">
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {processes.processes.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) => (
                  <td key={column} className="mono">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
