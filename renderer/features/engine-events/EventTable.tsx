import type { EngineEventRecord } from '../../../runtime/api/index.js';
import type { EngineTags } from '../../app/useEngineViews.js';
import { VirtualTable } from '../../ui/VirtualTable.js';
import { EventRow } from './EventRow.js';

const columns = ['Time', 'Type', 'Action', 'Object', 'Details'] as const;
const columnsWithEngine = ['Time', 'Engine', 'Type', 'Action', 'Object', 'Details'] as const;

const keyOf = (event: EngineEventRecord) => `${event.engineId}\n${event.seq}`;

/** The engine events, newest first, in a table whose body renders only the rows in view. */
export function EventTable({ rows, engines }: { rows: readonly EngineEventRecord[]; engines: EngineTags }) {
  return (
    <VirtualTable
      label="Engine events"
      className={engines.isShown ? 'events-table events-table-engines' : 'events-table'}
      rowCount={rows.length}
      rowKey={(index) => {
        const row = rows[index];
        return row ? keyOf(row) : index;
      }}
      columns={engines.isShown ? columnsWithEngine : columns}
      renderRow={(index, placement) => {
        const row = rows[index];
        if (!row) return null;
        return (
          <EventRow
            key={keyOf(row)}
            event={row}
            engine={engines.isShown ? (engines.byId.get(row.engineId) ?? null) : null}
            rowIndex={placement.rowIndex}
            offsetPx={placement.offsetPx}
            heightPx={placement.heightPx}
          />
        );
      }}
    />
  );
}
