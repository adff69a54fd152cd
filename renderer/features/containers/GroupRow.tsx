import { memo } from 'react';
import type { ContainerSummary } from '../../../runtime/api/index.js';
import { useBerth } from '../../stores/store.js';
import { Checkbox } from '../../ui/Checkbox.js';
import type { ActionRequest } from './ActionDialog.js';
import { canRestart, canStart, canStop } from './containerState.js';
import type { ContainerActions } from './useContainerActions.js';

interface GroupRowProps {
  project: string;
  members: readonly ContainerSummary[];
  isCollapsed: boolean;
  rowIndex: number;
  offsetPx: number;
  heightPx: number;
  actions: ContainerActions;
  onRequest: (request: ActionRequest) => void;
  onToggleCollapsed: (project: string) => void;
}

/** The header of a compose project: its name, how many of its containers run, and actions on all of them. */
export const GroupRow = memo(function GroupRow(props: GroupRowProps) {
  const { project, members, isCollapsed, rowIndex, offsetPx, heightPx, actions, onRequest, onToggleCollapsed } = props;
  const selectedIds = useBerth((s) => s.selection.containerIds);
  const setSelected = useBerth((s) => s.selection.setContainersSelected);
  const selectedCount = members.filter((member) => selectedIds[member.id] === true).length;
  const running = members.filter((member) => member.state === 'running').length;
  const refs = (filter: (member: ContainerSummary) => boolean) => members.filter(filter).map(({ id, name }) => ({ id, name }));
  const startable = refs(canStart);
  const stoppable = refs(canStop);
  const restartable = refs(canRestart);
  const noun = members.length === 1 ? 'container' : 'containers';
  return (
    <div role="row" aria-label={`Compose project ${project}`} aria-rowindex={rowIndex} className="row row-group" style={{ transform: `translateY(${offsetPx}px)`, height: heightPx }}>
      <div role="cell" className="cell cell-select">
        <Checkbox
          label={`Select project ${project}`}
          checked={selectedCount === members.length}
          indeterminate={selectedCount > 0 && selectedCount < members.length}
          onChange={(checked) => setSelected(members.map((member) => member.id), checked)}
        />
      </div>
      <div role="cell" className="cell cell-group" title={project}>
        <button type="button" className="button-quiet disclosure" aria-expanded={!isCollapsed} aria-label={`Containers of project ${project}`} onClick={() => onToggleCollapsed(project)}>
          {isCollapsed ? '▸' : '▾'}
        </button>
        <span className="group-name">{project}</span>
        <span className="group-summary">
          {members.length} {noun} · {running} running
        </span>
      </div>
      <div role="cell" className="cell cell-actions">
        <button type="button" aria-label={`Start project ${project}`} disabled={startable.length === 0} onClick={() => startable.forEach((ref) => void actions.start(ref))}>
          Start
        </button>
        <button type="button" aria-label={`Stop project ${project}`} disabled={stoppable.length === 0} onClick={() => stoppable.forEach((ref) => void actions.stop(ref))}>
          Stop
        </button>
        <button type="button" aria-label={`Restart project ${project}`} disabled={restartable.length === 0} onClick={() => restartable.forEach((ref) => void actions.restart(ref))}>
          Restart
        </button>
        <button
          type="button"
          aria-label={`Remove project ${project}`}
          onClick={() => onRequest({ kind: 'remove', targets: refs(() => true), title: `Remove ${members.length} ${noun} of project ${project}?` })}
        >
          Remove
        </button>
      </div>
    </div>
  );
});
