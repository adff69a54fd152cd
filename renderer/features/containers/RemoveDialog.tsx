import { useState } from 'react';
import { itemKey } from '../../stores/itemKey.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { targetsText, type ActionRequest } from './ActionDialog.js';
import type { ContainerActions } from './useContainerActions.js';

interface RemoveDialogProps {
  request: Extract<ActionRequest, { kind: 'remove' }>;
  actions: ContainerActions;
  onClose: () => void;
}

/** "Remove web?" with the two choices `docker rm` offers: -v (anonymous volumes) and -f. */
export function RemoveDialog({ request, actions, onClose }: RemoveDialogProps) {
  const { targets, onRemoved } = request;
  const [volumes, setVolumes] = useState(false);
  const [force, setForce] = useState(false);
  const confirm = () => {
    onClose();
    for (const target of targets) {
      void actions.remove(target, { force, volumes }).then((removed) => {
        if (removed) onRemoved?.();
      });
    }
  };
  return (
    <ConfirmDialog title={request.title ?? `Remove ${targetsText(targets)}?`} confirmLabel="Remove" onConfirm={confirm} onCancel={onClose}>
      {targets.length > 1 && (
        <ul className="dialog-targets">
          {targets.map((target) => (
            <li key={itemKey(target.engineId, target.id)}>{target.name}</li>
          ))}
        </ul>
      )}
      <p>{volumes ? 'The container and its anonymous volumes are deleted.' : 'The container is deleted; its anonymous volumes are kept.'}</p>
      <label className="check">
        <input type="checkbox" checked={volumes} onChange={(event) => setVolumes(event.target.checked)} />
        Also remove anonymous volumes
      </label>
      <label className="check">
        <input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} />
        Force: kill it first if it is running
      </label>
    </ConfirmDialog>
  );
}
