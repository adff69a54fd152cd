import type { ContainerState } from '../../../runtime/api/index.js';
import { useEngineTags } from '../../app/useEngineViews.js';
import { DetailsPageHeader } from '../../ui/DetailSections.js';
import type { ActionRequest } from '../containers/ActionDialog.js';
import { ContainerActionButtons } from '../containers/ContainerActionButtons.js';
import type { ContainerActions } from '../containers/useContainerActions.js';

interface DetailsHeaderProps {
  engineId: string;
  containerId: string;
  name: string;
  /** The state as the list knows it (live from events), when known. */
  state: ContainerState | null;
  stateText: string | null;
  actions: ContainerActions;
  onRequest: (request: ActionRequest) => void;
  onRecreate: (() => void) | null;
}

/** The container's name as the page title, its engine (when several are known), its state, and what can be done to it. */
export function DetailsHeader({ engineId, containerId, name, state, stateText, actions, onRequest, onRecreate }: DetailsHeaderProps) {
  const engines = useEngineTags();
  const engine = engines.byId.get(engineId);
  const leave = () => {
    window.location.hash = '#/containers';
  };
  return (
    <DetailsPageHeader
      listHref="#/containers"
      listName="containers"
      title={name}
      engine={engines.isShown ? (engine ?? null) : null}
      afterTitle={stateText !== null && <span className={`state-word state-word-${state ?? 'unknown'}`}>{stateText}</span>}
      actions={
        <>
          {state !== null && (
            <ContainerActionButtons
              container={{ engineId, id: containerId, name, state }}
              isEngineDown={engine !== undefined && engine.state !== 'connected'}
              actions={actions}
              onRequest={onRequest}
              onRemoved={leave}
            />
          )}
          {onRecreate && (
            <button type="button" onClick={onRecreate}>
              Recreate with changes
            </button>
          )}
        </>
      }
    />
  );
}
