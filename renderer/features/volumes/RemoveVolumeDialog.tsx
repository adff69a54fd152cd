import type { VolumeSummary } from '../../../runtime/api/index.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { usersText } from './volumeRows.js';

/** "Remove data?": the data goes with it; a volume in use says by whom (the engine refuses it). */
export function RemoveVolumeDialog({ volume, onRemove, onClose }: { volume: VolumeSummary; onRemove: (volume: VolumeSummary) => void; onClose: () => void }) {
  return (
    <ConfirmDialog
      title={`Remove ${volume.name}?`}
      confirmLabel="Remove"
      onConfirm={() => {
        onClose();
        onRemove(volume);
      }}
      onCancel={onClose}
    >
      <p>The volume and every file in it are deleted. This cannot be undone: back it up first if you may need it.</p>
      {volume.containers.length > 0 && (
        <p>
          Used by {volume.containers.length === 1 ? 'container' : `${volume.containers.length} containers`}: {usersText(volume, 10)}. The engine refuses to remove a volume a
          container uses, running or not: remove those containers first.
        </p>
      )}
    </ConfirmDialog>
  );
}
