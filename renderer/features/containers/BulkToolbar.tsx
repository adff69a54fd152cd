import type { KeyboardEvent } from 'react';
import type { ContainerSummary } from '../../../runtime/api/index.js';
import type { ActionRequest } from './ActionDialog.js';
import { canKill, canPause, canRestart, canStart, canStop, canUnpause } from './containerState.js';
import type { ContainerActions, ContainerRef } from './useContainerActions.js';

interface BulkToolbarProps {
  selected: readonly ContainerSummary[];
  actions: ContainerActions;
  onRequest: (request: ActionRequest) => void;
  onClear: () => void;
}

type Applies = (container: Pick<ContainerSummary, 'state'>) => boolean;

/**
 * Actions on every selected container. Each acts only on the selected containers it applies to
 * (Pause on the running ones, Unpause on the paused ones), and each container's failure is its
 * own notice, so one refusal does not hide the others' success.
 */
export function BulkToolbar({ selected, actions, onRequest, onClear }: BulkToolbarProps) {
  // Each target carries its engine: a selection across engines sends each action to its own.
  const refsWhere = (applies: Applies): ContainerRef[] => selected.filter(applies).map(({ engineId, id, name }) => ({ engineId, id, name }));
  const button = (label: string, applies: Applies, act: (targets: ContainerRef[]) => void) => {
    const targets = refsWhere(applies);
    return (
      <button type="button" disabled={targets.length === 0} onClick={() => act(targets)}>
        {label}
      </button>
    );
  };
  const each = (action: (ref: ContainerRef) => Promise<boolean>) => (targets: ContainerRef[]) => targets.forEach((ref) => void action(ref));
  return (
    <div role="toolbar" aria-label="Selected containers" className="bulk-toolbar" onKeyDown={moveFocusWithArrows}>
      <span className="bulk-count">{selected.length} selected</span>
      {button('Start', canStart, each(actions.start))}
      {button('Stop', canStop, each(actions.stop))}
      {button('Restart', canRestart, each(actions.restart))}
      {button('Kill', canKill, (targets) => onRequest({ kind: 'kill', targets }))}
      {button('Pause', canPause, each(actions.pause))}
      {button('Unpause', canUnpause, each(actions.unpause))}
      {button('Remove', () => true, (targets) => onRequest({ kind: 'remove', targets }))}
      <button type="button" className="button-quiet" disabled={selected.length === 0} onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}

/** Left/Right move between the toolbar's enabled buttons (WAI-ARIA toolbar); Tab still reaches each. */
function moveFocusWithArrows(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const index = buttons.findIndex((button) => button === document.activeElement);
  if (index === -1) return;
  event.preventDefault();
  buttons[(index + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length]?.focus();
}
