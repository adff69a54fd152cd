import { KillDialog } from './KillDialog.js';
import { RemoveDialog } from './RemoveDialog.js';
import { RenameDialog } from './RenameDialog.js';
import { StopDialog } from './StopDialog.js';
import type { ContainerActions, ContainerRef } from './useContainerActions.js';

/** An action that needs the user's say (a confirmation or a value) before it is sent. */
export type ActionRequest =
  | { kind: 'remove'; targets: ContainerRef[]; title?: string; onRemoved?: () => void }
  | { kind: 'kill'; targets: ContainerRef[] }
  | { kind: 'stop'; targets: ContainerRef[] }
  | { kind: 'rename'; target: ContainerRef };

interface ActionDialogProps {
  request: ActionRequest;
  actions: ContainerActions;
  onClose: () => void;
}

/** How a dialog speaks of its targets: the name of one, or how many. */
export function targetsText(targets: readonly ContainerRef[]): string {
  return targets.length === 1 ? (targets[0]?.name ?? '') : `${targets.length} containers`;
}

export function ActionDialog({ request, actions, onClose }: ActionDialogProps) {
  switch (request.kind) {
    case 'remove':
      return <RemoveDialog request={request} actions={actions} onClose={onClose} />;
    case 'kill':
      return <KillDialog targets={request.targets} actions={actions} onClose={onClose} />;
    case 'stop':
      return <StopDialog targets={request.targets} actions={actions} onClose={onClose} />;
    case 'rename':
      return <RenameDialog target={request.target} actions={actions} onClose={onClose} />;
  }
}
