import { memo } from 'react';
import type { EngineView } from '../../stores/engineViews.js';
import { networkHref } from '../../app/routes.js';
import { EngineTag } from '../../ui/EngineTag.js';
import { fullDate, relativeTime } from '../../ui/relativeTime.js';
import { containersText, flagsText, subnetsText, type NetworkRow } from './networkRows.js';

interface NetworkTableRowProps {
  row: NetworkRow;
  /** Its engine, when the list shows several (an Engine column); null otherwise. */
  engine: EngineView | null;
  rowIndex: number;
  nowMs: number;
  offsetPx: number;
  heightPx: number;
  onRemove: (row: NetworkRow) => void;
}

/**
 * One network: its name (linked to its page), driver, subnets, flags, the containers on it
 * with their addresses, and Remove. Everything from the engine is rendered as text. The
 * engine's own networks cannot be removed, and say so.
 */
export const NetworkTableRow = memo(function NetworkTableRow({ row, engine, rowIndex, nowMs, offsetPx, heightPx, onRemove }: NetworkTableRowProps) {
  const { network, containers } = row;
  const isEngineDown = engine !== null && engine.state !== 'connected';
  const created = network.created === null ? null : Date.parse(network.created) / 1000;
  const attached = containers === null ? null : containersText(containers);
  return (
    <div role="row" aria-label={network.name} aria-rowindex={rowIndex} className={`row${isEngineDown ? ' row-stale' : ''}`} style={{ transform: `translateY(${offsetPx}px)`, height: heightPx }}>
      <div role="cell" className={`cell cell-name${network.predefined ? ' network-predefined' : ''}`} title={`${network.name} (${network.id})`}>
        <a href={networkHref(network.engineId, network.id)}>{network.name}</a>
      </div>
      {engine !== null && (
        <div role="cell" className="cell">
          <EngineTag engine={engine} />
        </div>
      )}
      <div role="cell" className="cell">
        {network.driver}
      </div>
      <div role="cell" className="cell" title={subnetsText(network)}>
        {subnetsText(network) || '—'}
      </div>
      <div role="cell" className="cell">
        {flagsText(network)}
      </div>
      {attached === null ? (
        <div role="cell" className="cell" aria-label="Containers: listing…">
          …
        </div>
      ) : (
        <div role="cell" className="cell" title={attached} aria-label={`Containers: ${containers?.length ?? 0}`}>
          {attached === '' ? '—' : attached}
        </div>
      )}
      <div role="cell" className="cell" title={created === null || Number.isNaN(created) ? '' : fullDate(created)}>
        {created === null || Number.isNaN(created) ? '' : relativeTime(Math.floor(created), nowMs)}
      </div>
      <div role="cell" className="cell cell-actions">
        <button
          type="button"
          aria-label={`Remove ${network.name}`}
          disabled={network.predefined || isEngineDown}
          title={network.predefined ? 'The engine\'s own network: it cannot be removed' : undefined}
          onClick={() => onRemove(row)}
        >
          Remove
        </button>
      </div>
    </div>
  );
});
