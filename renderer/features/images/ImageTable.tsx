import { useNow } from '../../ui/useNow.js';
import { VirtualTable } from '../../ui/VirtualTable.js';
import type { ImageRow } from './imageRows.js';
import { ImageTableRow } from './ImageTableRow.js';
import type { ImageTarget } from './useRemoveImage.js';

const columns = ['Name', 'Image ID', 'Size', 'Created', 'Containers'] as const;

interface ImageTableProps {
  rows: readonly ImageRow[];
  containerCounts: ReadonlyMap<string, number>;
  onRemove: (target: ImageTarget, isTag: boolean) => void;
}

/** The images as a table whose body renders only the rows in view. */
export function ImageTable({ rows, containerCounts, onRemove }: ImageTableProps) {
  const nowMs = useNow(60_000);
  return (
    <VirtualTable
      label="Images"
      className="images-table"
      rowCount={rows.length}
      rowKey={(index) => rows[index]?.key ?? index}
      columns={columns}
      renderRow={(index, placement) => {
        const row = rows[index];
        if (!row) return null;
        return (
          <ImageTableRow
            key={row.key}
            row={row}
            containerCount={containerCounts.get(row.image.id) ?? 0}
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
