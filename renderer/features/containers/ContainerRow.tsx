import { memo } from 'react';
import type { ContainerSummary } from '../../../runtime/api/index.js';
import { containerHref } from '../../app/routes.js';
import { useBerth } from '../../stores/store.js';
import { Checkbox } from '../../ui/Checkbox.js';
import { fullDate, relativeTime } from '../../ui/relativeTime.js';
import type { ActionRequest } from './ActionDialog.js';
import { ContainerActionButtons } from './ContainerActionButtons.js';
import { healthFromStatus, stateText } from './containerState.js';
import { PortList } from './PortList.js';
import type { ContainerActions } from './useContainerActions.js';

interface ContainerRowProps {
  container: ContainerSummary;
  /** Shown indented under its compose project's header. */
  isMember: boolean;
  /** 1-based position among all rows of the table, header included (aria-rowindex). */
  rowIndex: number;
  nowMs: number;
  /** Distance from the top of the table body; rows are positioned, not flowed, when virtualized. */
  offsetPx: number;
  heightPx: number;
  actions: ContainerActions;
  onRequest: (request: ActionRequest) => void;
}

/** One container. Everything the engine said about it is rendered as text, never as HTML. */
export const ContainerRow = memo(function ContainerRow({ container, isMember, rowIndex, nowMs, offsetPx, heightPx, actions, onRequest }: ContainerRowProps) {
  const isSelected = useBerth((s) => s.selection.containerIds[container.id] === true);
  const setSelected = useBerth((s) => s.selection.setContainersSelected);
  const { name } = container;
  const health = healthFromStatus(container.status);
  return (
    <div
      role="row"
      aria-label={name}
      aria-rowindex={rowIndex}
      className={`row${isMember ? ' row-member' : ''}${isSelected ? ' row-selected' : ''}`}
      style={{ transform: `translateY(${offsetPx}px)`, height: heightPx }}
    >
      <div role="cell" className="cell cell-select">
        <Checkbox label={`Select ${name}`} checked={isSelected} onChange={(checked) => setSelected([container.id], checked)} />
      </div>
      <div role="cell" className="cell cell-name" title={name}>
        <a href={containerHref(container.id)}>{name}</a>
      </div>
      <div role="cell" className="cell" title={container.image}>
        {container.image}
      </div>
      <div role="cell" className={`cell state-word state-word-${container.state}`}>
        {stateText(container)}
        {health && <span className={`health health-${health}`}>{health}</span>}
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
        <ContainerActionButtons container={container} actions={actions} onRequest={onRequest} />
      </div>
    </div>
  );
});
