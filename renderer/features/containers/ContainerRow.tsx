import { memo } from 'react';
import type { ContainerSummary } from '../../../runtime/api/index.js';
import { useBerth } from '../../stores/store.js';
import { fullDate, relativeTime } from '../../ui/relativeTime.js';
import { canStart, canStop, stateText } from './containerState.js';
import { PortList } from './PortList.js';
import { containerBusyKey, type ContainerActions, type ContainerRef } from './useContainerActions.js';

interface ContainerRowProps {
  container: ContainerSummary;
  /** 1-based position among all rows of the table, header included (aria-rowindex). */
  rowIndex: number;
  nowMs: number;
  /** Distance from the top of the table body; rows are positioned, not flowed, when virtualized. */
  offsetPx: number;
  heightPx: number;
  actions: ContainerActions;
  onRemove: (container: ContainerRef) => void;
}

/** One container. Everything the engine said about it is rendered as text, never as HTML. */
export const ContainerRow = memo(function ContainerRow({ container, rowIndex, nowMs, offsetPx, heightPx, actions, onRemove }: ContainerRowProps) {
  const isBusy = useBerth((s) => s.ui.busy[containerBusyKey(container.id)] === true);
  const { name } = container;
  const ref = { id: container.id, name };
  return (
    <div role="row" aria-label={name} aria-rowindex={rowIndex} className="row" style={{ transform: `translateY(${offsetPx}px)`, height: heightPx }}>
      <div role="cell" className="cell cell-name" title={name}>
        {name}
      </div>
      <div role="cell" className="cell" title={container.image}>
        {container.image}
      </div>
      <div role="cell" className={`cell state-word state-word-${container.state}`}>
        {stateText(container)}
      </div>
      <div role="cell" className="cell" title={container.status}>
        {container.status}
      </div>
      <div role="cell" className="cell">
        <PortList ports={container.ports} />
      </div>
      <div role="cell" className="cell" title={fullDate(container.created)}>
        {relativeTime(container.created, nowMs)}
      </div>
      <div role="cell" className="cell cell-actions">
        <button type="button" aria-label={`Start ${name}`} disabled={isBusy || !canStart(container)} onClick={() => actions.start(ref)}>
          Start
        </button>
        <button type="button" aria-label={`Stop ${name}`} disabled={isBusy || !canStop(container)} onClick={() => actions.stop(ref)}>
          Stop
        </button>
        <button type="button" aria-label={`Remove ${name}`} disabled={isBusy} onClick={() => onRemove(ref)}>
          Remove
        </button>
      </div>
    </div>
  );
});
