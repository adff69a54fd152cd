import type { ContainerSummary } from '../../../runtime/api/index.js';
import { useBerth } from '../../stores/store.js';
import { MenuButton } from '../../ui/MenuButton.js';
import type { ActionRequest } from './ActionDialog.js';
import { canKill, canPause, canRestart, canStart, canStop, canUnpause } from './containerState.js';
import { containerBusyKey, type ContainerActions } from './useContainerActions.js';

interface ContainerActionButtonsProps {
  container: Pick<ContainerSummary, 'engineId' | 'id' | 'name' | 'state'>;
  /** Its engine is not connected: nothing can be done to it until it is. */
  isEngineDown?: boolean;
  actions: ContainerActions;
  onRequest: (request: ActionRequest) => void;
  /** Called once a removal asked for here has succeeded (the details page then leaves). */
  onRemoved?: () => void;
}

/**
 * Start, Stop and Remove as buttons, the rest in "More actions for NAME". Names carry the
 * container's name so that every button of a long list is unambiguous to a screen reader.
 */
export function ContainerActionButtons({ container, isEngineDown = false, actions, onRequest, onRemoved }: ContainerActionButtonsProps) {
  const isBusy = useBerth((s) => s.ui.busy[containerBusyKey(container.engineId, container.id)] === true) || isEngineDown;
  const { name } = container;
  const ref = { engineId: container.engineId, id: container.id, name };
  return (
    <>
      <button type="button" aria-label={`Start ${name}`} disabled={isBusy || !canStart(container)} onClick={() => void actions.start(ref)}>
        Start
      </button>
      <button type="button" aria-label={`Stop ${name}`} disabled={isBusy || !canStop(container)} onClick={() => void actions.stop(ref)}>
        Stop
      </button>
      <button type="button" aria-label={`Remove ${name}`} disabled={isBusy} onClick={() => onRequest({ kind: 'remove', targets: [ref], onRemoved })}>
        Remove
      </button>
      <MenuButton
        label={`More actions for ${name}`}
        disabled={isBusy}
        items={[
          { label: 'Restart', disabled: !canRestart(container), onSelect: () => void actions.restart(ref) },
          { label: 'Stop with timeout', disabled: !canStop(container), onSelect: () => onRequest({ kind: 'stop', targets: [ref] }) },
          { label: 'Kill', disabled: !canKill(container), onSelect: () => onRequest({ kind: 'kill', targets: [ref] }) },
          { label: 'Pause', disabled: !canPause(container), onSelect: () => void actions.pause(ref) },
          { label: 'Unpause', disabled: !canUnpause(container), onSelect: () => void actions.unpause(ref) },
          { label: 'Rename', onSelect: () => onRequest({ kind: 'rename', target: ref }) },
        ]}
      />
    </>
  );
}
