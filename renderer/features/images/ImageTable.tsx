import type { EngineTags } from '../../app/useEngineViews.js';
import { itemKey } from '../../stores/itemKey.js';
import { useNow } from '../../ui/useNow.js';
import { VirtualTable } from '../../ui/VirtualTable.js';
import type { ImageRow } from './imageRows.js';
import { ImageTableRow, type TransferAction } from './ImageTableRow.js';
import type { ImageTarget } from './useRemoveImage.js';

const columns = ['Name', 'Image ID', 'Size', 'Created', 'Containers'] as const;
const columnsWithEngine = ['Name', 'Engine', 'Image ID', 'Size', 'Created', 'Containers'] as const;

interface ImageTableProps {
  rows: readonly ImageRow[];
  engines: EngineTags;
  /** Containers using each image id, by engine id. */
  containerCounts: ReadonlyMap<string, ReadonlyMap<string, number>>;
  onRemove: (target: ImageTarget, isTag: boolean) => void;
  /** Tag or push a row (images-transfer). */
  onTransfer?: ((action: TransferAction, target: ImageTarget) => void) | undefined;
}

/** The images as a table whose body renders only the rows in view; with several engines known, tagged by engine. */
export function ImageTable({ rows, engines, containerCounts, onRemove, onTransfer }: ImageTableProps) {
  const nowMs = useNow(60_000);
  return (
    <VirtualTable
      label="Images"
      className={engines.isShown ? 'images-table images-table-engines' : 'images-table'}
      rowCount={rows.length}
      rowKey={(index) => {
        const row = rows[index];
        return row ? itemKey(row.image.engineId, row.key) : index;
      }}
      columns={engines.isShown ? columnsWithEngine : columns}
      renderRow={(index, placement) => {
        const row = rows[index];
        if (!row) return null;
        return (
          <ImageTableRow
            key={itemKey(row.image.engineId, row.key)}
            row={row}
            engine={engines.isShown ? (engines.byId.get(row.image.engineId) ?? null) : null}
            containerCount={containerCounts.get(row.image.engineId)?.get(row.image.id) ?? 0}
            rowIndex={placement.rowIndex}
            nowMs={nowMs}
            offsetPx={placement.offsetPx}
            heightPx={placement.heightPx}
            onRemove={onRemove}
            onTransfer={onTransfer}
          />
        );
      }}
    />
  );
}
