import { memo } from 'react';
import { displayByteSize, type VolumeSummary } from '../../../runtime/api/index.js';
import { containerHref, volumeHref } from '../../app/routes.js';
import type { EngineTags } from '../../app/useEngineViews.js';
import type { EngineView } from '../../stores/engineViews.js';
import { itemKey } from '../../stores/itemKey.js';
import type { EngineVolumes } from '../../stores/volumesSlice.js';
import { EngineTag } from '../../ui/EngineTag.js';
import { fullDate, relativeTime } from '../../ui/relativeTime.js';
import { useNow } from '../../ui/useNow.js';
import { VirtualTable } from '../../ui/VirtualTable.js';
import { createdSeconds } from './volumeRows.js';

const columns = ['Name', 'Driver', 'Size', 'Created', 'Used by'] as const;
const columnsWithEngine = ['Name', 'Engine', 'Driver', 'Size', 'Created', 'Used by'] as const;

interface VolumeTableProps {
  rows: readonly VolumeSummary[];
  engines: EngineTags;
  /** Each engine's sizes, as far as measured. */
  sizesOf: (engineId: string) => EngineVolumes['sizes'] | undefined;
  onRemove: (volume: VolumeSummary) => void;
}

/** The volumes as a table whose body renders only the rows in view; with several engines known, tagged by engine. */
export function VolumeTable({ rows, engines, sizesOf, onRemove }: VolumeTableProps) {
  const nowMs = useNow(60_000);
  return (
    <VirtualTable
      label="Volumes"
      className={engines.isShown ? 'volumes-table volumes-table-engines' : 'volumes-table'}
      rowCount={rows.length}
      rowKey={(index) => {
        const row = rows[index];
        return row ? itemKey(row.engineId, row.name) : index;
      }}
      columns={engines.isShown ? columnsWithEngine : columns}
      renderRow={(index, placement) => {
        const volume = rows[index];
        if (!volume) return null;
        const sizes = sizesOf(volume.engineId);
        return (
          <VolumeRow
            key={itemKey(volume.engineId, volume.name)}
            volume={volume}
            engine={engines.isShown ? (engines.byId.get(volume.engineId) ?? null) : null}
            size={sizeText(sizes, volume.name)}
            rowIndex={placement.rowIndex}
            offsetPx={placement.offsetPx}
            heightPx={placement.heightPx}
            nowMs={nowMs}
            onRemove={onRemove}
          />
        );
      }}
    />
  );
}

/** A size cell's text: `loading…` until the engine's disk usage is in, `unknown` for drivers that cannot tell. */
export function sizeText(sizes: EngineVolumes['sizes'] | undefined, name: string): string {
  if (sizes === undefined || sizes.state === 'idle' || sizes.state === 'loading') return 'loading…';
  if (sizes.state === 'failed') return 'unknown';
  const size = sizes.byName[name];
  if (size === undefined) return 'not measured';
  return size === null ? 'unknown' : displayByteSize(size);
}

interface VolumeRowProps {
  volume: VolumeSummary;
  engine: EngineView | null;
  size: string;
  rowIndex: number;
  offsetPx: number;
  heightPx: number;
  nowMs: number;
  onRemove: (volume: VolumeSummary) => void;
}

/** One volume: names from the engine are text, never HTML; the users link to their containers. */
const VolumeRow = memo(function VolumeRow({ volume, engine, size, rowIndex, offsetPx, heightPx, nowMs, onRemove }: VolumeRowProps) {
  const isEngineDown = engine !== null && engine.state !== 'connected';
  const created = createdSeconds(volume);
  const users = volume.containers;
  return (
    <div role="row" aria-label={volume.name} aria-rowindex={rowIndex} className={`row${isEngineDown ? ' row-stale' : ''}`} style={{ transform: `translateY(${offsetPx}px)`, height: heightPx }}>
      <div role="cell" className="cell cell-name" title={volume.name}>
        <a href={volumeHref(volume.engineId, volume.name)}>{volume.isAnonymous ? `${volume.name.slice(0, 12)}…` : volume.name}</a>
      </div>
      {engine !== null && (
        <div role="cell" className="cell">
          <EngineTag engine={engine} />
        </div>
      )}
      <div role="cell" className="cell">
        {volume.driver}
      </div>
      <div role="cell" className="cell" aria-label={`Size ${size}`}>
        {size}
      </div>
      <div role="cell" className="cell" title={created === null ? undefined : fullDate(created)}>
        {created === null ? '' : relativeTime(created, nowMs)}
      </div>
      <div role="cell" className="cell volume-users">
        {users.length === 0 ? (
          <span className="badge badge-unused">Unused</span>
        ) : (
          <>
            {users.slice(0, 2).map((user, index) => (
              <span key={user.id}>
                {index > 0 ? ', ' : ''}
                <a href={containerHref(user.engineId, user.id)}>{user.name}</a> ({user.state})
              </span>
            ))}
            {users.length > 2 && <span> and {users.length - 2} more</span>}
          </>
        )}
      </div>
      <div role="cell" className="cell cell-actions">
        <button type="button" aria-label={`Remove ${volume.name}`} disabled={isEngineDown} onClick={() => onRemove(volume)}>
          Remove
        </button>
      </div>
    </div>
  );
});
