import { memo } from 'react';
import { statusAt, type ContainerSummary } from '../../../runtime/api/index.js';
import { containerHref } from '../../app/routes.js';
import type { EngineView } from '../../stores/engineViews.js';
import { itemKey } from '../../stores/itemKey.js';
import { useBerth } from '../../stores/store.js';
import { Checkbox } from '../../ui/Checkbox.js';
import { EngineTag } from '../../ui/EngineTag.js';
import { fullDate, relativeTime } from '../../ui/relativeTime.js';
import type { ActionRequest } from './ActionDialog.js';
import { ContainerActionButtons } from './ContainerActionButtons.js';
import { healthFromStatus, stateText } from './containerState.js';
import { PortList } from './PortList.js';
import type { LiveSamples } from '../stats/liveSamples.js';
import { UsageBars } from '../stats/UsageBars.js';
import type { ContainerActions } from './useContainerActions.js';

interface ContainerRowProps {
  container: ContainerSummary;
  /** Its engine, when the list shows several (an Engine column); null otherwise. */
  engine: EngineView | null;
  /** Shown indented under its compose project's header. */
  isMember: boolean;
  /** 1-based position among all rows of the table, header included (aria-rowindex). */
  rowIndex: number;
  nowMs: number;
  /** Live CPU and memory of the rows in view (a running row shows its bars). */
  samples: LiveSamples;
  /** Distance from the top of the table body; rows are positioned, not flowed, when virtualized. */
  offsetPx: number;
  heightPx: number;
  actions: ContainerActions;
  onRequest: (request: ActionRequest) => void;
}

/**
 * One container. Everything the engine said about it is rendered as text, never as HTML. A row
 * of an engine that is not connected is greyed, its tag says why, and its actions wait.
 */
export const ContainerRow = memo(function ContainerRow({ container, engine, isMember, rowIndex, nowMs, samples, offsetPx, heightPx, actions, onRequest }: ContainerRowProps) {
  const key = itemKey(container.engineId, container.id);
  const isSelected = useBerth((s) => s.selection.containerKeys[key] === true);
  const setSelected = useBerth((s) => s.selection.setContainersSelected);
  const isEngineDown = engine !== null && engine.state !== 'connected';
  const { name } = container;
  const health = healthFromStatus(container.status);
  // The engine's line, its duration counted again for now (the table's clock may be a tick old
  // when this row changes between ticks).
  const status = statusAt(container.status, container.statusSince, Math.max(nowMs, wallClock()));
  return (
    <div
      role="row"
      aria-label={name}
      aria-rowindex={rowIndex}
      className={`row${isMember ? ' row-member' : ''}${isSelected ? ' row-selected' : ''}${isEngineDown ? ' row-stale' : ''}`}
      style={{ transform: `translateY(${offsetPx}px)`, height: heightPx }}
    >
      <div role="cell" className="cell cell-select">
        <Checkbox label={`Select ${name}`} checked={isSelected} onChange={(checked) => setSelected([key], checked)} />
      </div>
      <div role="cell" className="cell cell-name" title={name}>
        <a href={containerHref(container.engineId, container.id)}>{name}</a>
      </div>
      {engine !== null && (
        <div role="cell" className="cell">
          <EngineTag engine={engine} />
        </div>
      )}
      <div role="cell" className="cell" title={container.image}>
        {container.image}
      </div>
      <div role="cell" className={`cell state-word state-word-${container.state}`}>
        {stateText(container)}
        {health && <span className={`health health-${health}`}>{health}</span>}
      </div>
      <div role="cell" className="cell cell-usage">
        {container.state === 'running' && <UsageBars samples={samples} itemKey={key} name={name} />}
      </div>
      <div role="cell" className="cell" title={status}>
        {status}
      </div>
      <div role="cell" className="cell">
        <PortList ports={container.ports} />
      </div>
      <div role="cell" className="cell" title={fullDate(container.created)}>
        {relativeTime(container.created, nowMs)}
      </div>
      <div role="cell" className="cell cell-actions">
        <ContainerActionButtons container={container} isEngineDown={isEngineDown} actions={actions} onRequest={onRequest} />
      </div>
    </div>
  );
});

/** The time now, read when a row renders. */
function wallClock(): number {
  return Date.now();
}
