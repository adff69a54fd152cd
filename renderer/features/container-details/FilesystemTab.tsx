import { useMemo, useState } from 'react';
import type { FilesystemChange } from '../../../runtime/api/index.js';
import { useMethodResult } from './useMethodResult.js';

/** A diff can list the whole image after a big install; rendering is capped, counts are not. */
const maxRows = 2_000;
const kinds = ['added', 'changed', 'deleted'] as const;

/** Files added, changed or deleted since the container was created (`docker diff`), fetched on open. */
export function FilesystemTab({ engineId, containerId }: { engineId: string; containerId: string }) {
  const { data, error, isLoading, reload } = useMethodResult('containers.diff', { id: containerId }, { engineId });
  const [kind, setKind] = useState<FilesystemChange['kind'] | 'all'>('all');
  const changes = useMemo(() => data ?? [], [data]);
  const shown = useMemo(() => changes.filter((change) => kind === 'all' || change.kind === kind), [changes, kind]);
  const counts = kinds.map((k) => `${changes.filter((change) => change.kind === k).length} ${k}`).join(', ');
  return (
    <div className="filesystem">
      <div className="inspect-bar">
        <label>
          Show{' '}
          <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
            <option value="all">all changes</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <span role="status" className="muted">
          {isLoading ? 'Loading changes…' : data !== null ? counts : ''}
        </span>
        <button type="button" disabled={isLoading} onClick={reload}>
          Refresh
        </button>
      </div>
      {error && (
        <p role="alert" className="error-text">
          Could not list filesystem changes: {error.message}
        </p>
      )}
      {data !== null && changes.length === 0 && <p className="empty">No files changed since the container was created.</p>}
      {shown.length > 0 && (
        <table className="kv-table" aria-label="Filesystem changes">
          <thead>
            <tr>
              <th scope="col">Change</th>
              <th scope="col">Path</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, maxRows).map((change) => (
              <tr key={`${change.kind}:${change.path}`} className={`change-${change.kind}`}>
                <td>{change.kind}</td>
                <td className="mono">{change.path}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length > maxRows && <p className="muted">Showing the first {maxRows} of {shown.length}.</p>}
    </div>
  );
}
