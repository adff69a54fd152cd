import { memo } from 'react';
import { displayByteSize } from '../../../runtime/api/index.js';
import type { EngineView } from '../../stores/engineViews.js';
import { useBerth } from '../../stores/store.js';
import { imageHref } from '../../app/routes.js';
import { EngineTag } from '../../ui/EngineTag.js';
import { fullDate, relativeTime } from '../../ui/relativeTime.js';
import { runHref } from '../run/runRoute.js';
import type { ImageRow } from './imageRows.js';
import { imageBusyKey, type ImageTarget } from './useRemoveImage.js';

interface ImageTableRowProps {
  row: ImageRow;
  /** Its engine, when the list shows several (an Engine column); null otherwise. */
  engine: EngineView | null;
  containerCount: number;
  /** 1-based position among all rows of the table, header included (aria-rowindex). */
  rowIndex: number;
  nowMs: number;
  /** Distance from the top of the table body; rows are positioned, not flowed, when virtualized. */
  offsetPx: number;
  heightPx: number;
  onRemove: (target: ImageTarget, isTag: boolean) => void;
  onTransfer?: ((action: TransferAction, target: ImageTarget) => void) | undefined;
}

/** What a row's Tag and Push buttons ask for (images-transfer). */
export type TransferAction = 'tag' | 'push';

/**
 * One tag of an image (or one untagged image). Names from the engine are rendered as text,
 * never as HTML; control names carry the tag so a long list stays unambiguous when spoken.
 * Run and Remove go to the row's engine; a row of an engine that is not connected is greyed.
 */
export const ImageTableRow = memo(function ImageTableRow({ row, engine, containerCount, rowIndex, nowMs, offsetPx, heightPx, onRemove, onTransfer }: ImageTableRowProps) {
  const { image, label } = row;
  const isEngineDown = engine !== null && engine.state !== 'connected';
  const isBusy = useBerth((s) => s.ui.busy[imageBusyKey(image.engineId, row.ref)] === true) || isEngineDown;
  const isTag = row.ref !== image.id;
  const usedBy = containerCount === 1 ? '1 container' : `${containerCount} containers`;
  return (
    <div
      role="row"
      aria-label={label}
      aria-rowindex={rowIndex}
      className={`row${isEngineDown ? ' row-stale' : ''}`}
      style={{ transform: `translateY(${offsetPx}px)`, height: heightPx }}
    >
      <div role="cell" className={`cell cell-name${isTag ? '' : ' image-untagged'}`} title={row.tag}>
        <a href={imageHref(image.engineId, image.id)}>
          {row.tag}
        </a>
      </div>
      {engine !== null && (
        <div role="cell" className="cell">
          <EngineTag engine={engine} />
        </div>
      )}
      <div role="cell" className="cell image-id" title={image.id}>
        {row.shortId}
      </div>
      <div role="cell" className="cell" title={`${image.sizeBytes} bytes`}>
        {displayByteSize(image.sizeBytes)}
      </div>
      <div role="cell" className="cell" title={fullDate(image.created)}>
        {relativeTime(image.created, nowMs)}
      </div>
      <div role="cell" className="cell" aria-label={`Used by ${usedBy}`}>
        {containerCount}
      </div>
      <div role="cell" className="cell cell-actions">
        <a className="button-link" href={runHref(row.ref, engine === null ? undefined : image.engineId)} aria-label={`Run ${label}`}>
          Run
        </a>
        {onTransfer !== undefined && (
          <>
            <button type="button" aria-label={`Tag ${label}`} disabled={isEngineDown} onClick={() => onTransfer('tag', { engineId: image.engineId, ref: row.ref, label })}>
              Tag
            </button>
            {isTag && (
              <button type="button" aria-label={`Push ${label}`} disabled={isEngineDown} onClick={() => onTransfer('push', { engineId: image.engineId, ref: row.ref, label })}>
                Push
              </button>
            )}
          </>
        )}
        <button type="button" aria-label={`Remove ${label}`} disabled={isBusy} onClick={() => onRemove({ engineId: image.engineId, ref: row.ref, label, imageId: image.id }, isTag)}>
          Remove
        </button>
      </div>
    </div>
  );
});
