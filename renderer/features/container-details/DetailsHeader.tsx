import type { ContainerState } from '../../../runtime/api/index.js';
import type { ActionRequest } from '../containers/ActionDialog.js';
import { ContainerActionButtons } from '../containers/ContainerActionButtons.js';
import type { ContainerActions } from '../containers/useContainerActions.js';

interface DetailsHeaderProps {
  containerId: string;
  name: string;
  /** The state as the list knows it (live from events), when known. */
  state: ContainerState | null;
  stateText: string | null;
  actions: ContainerActions;
  onRequest: (request: ActionRequest) => void;
  onRecreate: (() => void) | null;
}

/** The container's name as the page title, its state, and what can be done to it. */
export function DetailsHeader({ containerId, name, state, stateText, actions, onRequest, onRecreate }: DetailsHeaderProps) {
  const leave = () => {
    window.location.hash = '#/containers';
  };
  return (
    <header className="details-header">
      <a href="#/containers" className="back-link">
        ← All containers
      </a>
      <div className="page-header">
        <h1 id="page-title">{name}</h1>
        {stateText !== null && <span className={`state-word state-word-${state ?? 'unknown'}`}>{stateText}</span>}
        <span className="page-header-end">
          {state !== null && <ContainerActionButtons container={{ id: containerId, name, state }} actions={actions} onRequest={onRequest} onRemoved={leave} />}
          {onRecreate && (
            <button type="button" onClick={onRecreate}>
              Recreate with changes
            </button>
          )}
        </span>
      </div>
    </header>
  );
}
