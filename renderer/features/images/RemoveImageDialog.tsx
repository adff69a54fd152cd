import { useState } from 'react';
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
      <label className="check">
        <input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} />
        Force: remove even if a container uses it
      </label>
    </ConfirmDialog>
  );
}
