import type { EngineEntry } from '../../../runtime/api/index.js';
import { EngineRow, type EngineRequest } from './EngineRow.js';
import type { EngineActions } from './useEngineActions.js';

const columns = ['Name', 'URL', 'Kind', 'Version', 'API', 'OS/arch', 'State', 'Round trip', 'Default'] as const;

interface EngineTableProps {
  entries: readonly EngineEntry[];
  actions: EngineActions;
  onRequest: (request: EngineRequest) => void;
}

/** Every engine Berth knows, one row each (a handful: a plain table, not virtualized). */
export function EngineTable({ entries, actions, onRequest }: EngineTableProps) {
  return (
    <table className="engines-table" aria-label="Engines">
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <EngineRow key={entry.engineId} entry={entry} actions={actions} onRequest={onRequest} />
        ))}
      </tbody>
    </table>
  );
}
