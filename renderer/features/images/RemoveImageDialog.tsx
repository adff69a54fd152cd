import { useMemo, useState } from 'react';
import { useBerth } from '../../stores/store.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import type { ImageTarget } from './useRemoveImage.js';

interface RemoveImageDialogProps {
  target: ImageTarget;
  /** Whether the row is a tag (only the tag goes while others remain) or an untagged image. */
  isTag: boolean;
  onRemove: (target: ImageTarget, options: { force: boolean }) => void;
  onClose: () => void;
}

/** "Remove busybox:latest?" with the one choice `docker rmi` offers: force. */
export function RemoveImageDialog({ target, isTag, onRemove, onClose }: RemoveImageDialogProps) {
  const [force, setForce] = useState(false);
  const containers = useBerth((s) => s.containers.byEngine[target.engineId]?.byId);
  // Made from this image (by id), from the live container list: named before the engine refuses.
  const users = useMemo(
    () =>
      Object.values(containers ?? {})
        .filter((container) => target.imageId !== undefined && container.imageId === target.imageId)
        .sort((a, b) => a.name.localeCompare(b.name)),
    [containers, target.imageId],
  );
  const confirm = () => {
    onClose();
    onRemove(target, { force });
  };
  return (
    <ConfirmDialog title={`Remove ${target.label}?`} confirmLabel="Remove" onConfirm={confirm} onCancel={onClose}>
      <p>
        {isTag
          ? 'The tag is removed; the image itself is deleted once no other tag names it.'
          : 'The image is deleted, with its layers no other image shares.'}
      </p>
      {users.length > 0 && (
        <p>
          Used by {users.length === 1 ? 'container' : `${users.length} containers`}: {users.map((user) => `${user.name} (${user.state})`).join(', ')}. The engine refuses
          unless you force it{users.some((user) => user.state === 'running') ? ', and even forced it keeps an image a running container uses (only the tag goes)' : ''}.
        </p>
      )}
      <label className="check">
        <input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} />
        Force: remove even if a container uses it
      </label>
    </ConfirmDialog>
  );
}
