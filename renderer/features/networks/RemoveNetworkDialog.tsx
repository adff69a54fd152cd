import type { NetworkAttachment } from '../../../runtime/api/index.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import type { NetworkTarget } from './useNetworkActions.js';

interface RemoveNetworkDialogProps {
  target: NetworkTarget;
  /** The containers on it, live; null while they are being listed. */
  containers: readonly NetworkAttachment[] | null;
  onRemove: (target: NetworkTarget) => void;
  onClose: () => void;
}

/**
 * "Remove app-net?" A network containers are on, running or stopped, is not removed: they are
 * named, and the button stays off (Berth would refuse; a stopped container would no longer start).
 */
export function RemoveNetworkDialog({ target, containers, onRemove, onClose }: RemoveNetworkDialogProps) {
  const inUse = containers !== null && containers.length > 0;
  return (
    <ConfirmDialog
      title={`Remove ${target.name}?`}
      confirmLabel="Remove"
      confirmDisabled={inUse}
      onCancel={onClose}
      onConfirm={() => {
        onClose();
        onRemove(target);
      }}
    >
      {inUse ? (
        <p>
          {containers.length === 1 ? 'A container is' : `${containers.length} containers are`} on it:{' '}
          {containers.map((container) => `${container.containerName} (${container.containerState})`).join(', ')}. Disconnect{' '}
          {containers.length === 1 ? 'it' : 'them'} first: a stopped container on a removed network no longer starts.
        </p>
      ) : (
        <p>The network is removed; no container is on it.</p>
      )}
    </ConfirmDialog>
  );
}
