import type { EngineTags } from '../../app/useEngineViews.js';
import { itemKey } from '../../stores/itemKey.js';
import { useNow } from '../../ui/useNow.js';
import { VirtualTable } from '../../ui/VirtualTable.js';
import type { NetworkRow } from './networkRows.js';
import { NetworkTableRow } from './NetworkTableRow.js';

const columns = ['Name', 'Driver', 'Subnets', 'Flags', 'Containers', 'Created'] as const;
const columnsWithEngine = ['Name', 'Engine', 'Driver', 'Subnets', 'Flags', 'Containers', 'Created'] as const;

/** The networks as a table whose body renders only the rows in view; with several engines known, tagged by engine. */
export function NetworkTable({ rows, engines, onRemove }: { rows: readonly NetworkRow[]; engines: EngineTags; onRemove: (row: NetworkRow) => void }) {
  const nowMs = useNow(60_000);
  const keyOf = (row: NetworkRow) => itemKey(row.network.engineId, row.network.id);
  return (
    <VirtualTable
      label="Networks"
      className={engines.isShown ? 'networks-table networks-table-engines' : 'networks-table'}
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
          <NetworkTableRow
            key={keyOf(row)}
            row={row}
            engine={engines.isShown ? (engines.byId.get(row.network.engineId) ?? null) : null}
            rowIndex={placement.rowIndex}
            nowMs={nowMs}
            offsetPx={placement.offsetPx}
            heightPx={placement.heightPx}
            onRemove={onRemove}
          />
        );
      }}
    />
  );
}
