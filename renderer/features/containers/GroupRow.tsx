import { memo } from 'react';
import type { ContainerSummary } from '../../../runtime/api/index.js';
import type { EngineView } from '../../stores/engineViews.js';
import { itemKey } from '../../stores/itemKey.js';
import { useBerth } from '../../stores/store.js';
import { Checkbox } from '../../ui/Checkbox.js';
import { EngineTag } from '../../ui/EngineTag.js';
import type { ActionRequest } from './ActionDialog.js';
import { canRestart, canStart, canStop } from './containerState.js';
import type { ContainerActions } from './useContainerActions.js';

interface GroupRowProps {
  project: string;
  /** The project on its engine (`projectKey`): what collapsing it remembers. */
  projectKey: string;
  /** The project's engine, when the list shows several; null otherwise. */
  engine: EngineView | null;
  members: readonly ContainerSummary[];
  isCollapsed: boolean;
  rowIndex: number;
  offsetPx: number;
  heightPx: number;
  actions: ContainerActions;
  onRequest: (request: ActionRequest) => void;
  /** Called with the project's `projectKey`. */
  onToggleCollapsed: (projectKey: string) => void;
}

/** The header of a compose project: its name, how many of its containers run, and actions on all of them. */
export const GroupRow = memo(function GroupRow(props: GroupRowProps) {
  const { project, projectKey, engine, members, isCollapsed, rowIndex, offsetPx, heightPx, actions, onRequest, onToggleCollapsed } = props;
  const selectedKeys = useBerth((s) => s.selection.containerKeys);
  const setSelected = useBerth((s) => s.selection.setContainersSelected);
  const memberKeys = members.map((member) => itemKey(member.engineId, member.id));
  const selectedCount = memberKeys.filter((key) => selectedKeys[key] === true).length;
  const running = members.filter((member) => member.state === 'running').length;
  const isEngineDown = engine !== null && engine.state !== 'connected';
  const refs = (filter: (member: ContainerSummary) => boolean) =>
    isEngineDown ? [] : members.filter(filter).map(({ engineId, id, name }) => ({ engineId, id, name }));
  const startable = refs(canStart);
  const stoppable = refs(canStop);
  const restartable = refs(canRestart);
  const noun = members.length === 1 ? 'container' : 'containers';
  return (
    <div
      role="row"
      aria-label={`Compose project ${project}`}
      aria-rowindex={rowIndex}
      className={`row row-group${isEngineDown ? ' row-stale' : ''}`}
      style={{ transform: `translateY(${offsetPx}px)`, height: heightPx }}
    >
      <div role="cell" className="cell cell-select">
        <Checkbox
          label={`Select project ${project}`}
          checked={selectedCount === members.length}
          indeterminate={selectedCount > 0 && selectedCount < members.length}
          onChange={(checked) => setSelected(memberKeys, checked)}
        />
      </div>
      <div role="cell" className="cell cell-group" title={project}>
        <button type="button" className="button-quiet disclosure" aria-expanded={!isCollapsed} aria-label={`Containers of project ${project}`} onClick={() => onToggleCollapsed(projectKey)}>
          {isCollapsed ? '▸' : '▾'}
        </button>
        <span className="group-name">{project}</span>
        {engine !== null && <EngineTag engine={engine} />}
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
          disabled={isEngineDown}
          onClick={() => onRequest({ kind: 'remove', targets: refs(() => true), title: `Remove ${members.length} ${noun} of project ${project}?` })}
        >
          Remove
        </button>
      </div>
    </div>
  );
});
