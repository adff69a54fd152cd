import { useState } from 'react';
import { checkTagTarget } from '../../../runtime/api/image-reference.js';
import { useClientSource } from '../../app/connectionContext.js';
import { toBerthError } from '../../transport/callError.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Field } from '../../ui/Field.js';
import type { ImageTarget } from './useRemoveImage.js';

/** Why a new name cannot be given, naming the field, or null: `docker tag`'s rule (runtime/api/image-reference.ts). */
export function tagTargetError(target: string): string | null {
  if (target === '') return null;
  const check = checkTagTarget(target);
  return check.ok ? null : `New name: ${check.reason}`;
}

/**
 * "Tag busybox:latest": a new `[host[:port]/]name[:tag]`, checked as typed, sent to the row's
 * engine. The engine's refusal is shown under the field and the dialog stays open with what
 * was typed; the new row arrives through the events stream.
 */
export function TagImageDialog({ target, onClose }: { target: ImageTarget; onClose: () => void }) {
  const clientSource = useClientSource();
  const [name, setName] = useState('');
  const [sendError, setSendError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  const error = tagTargetError(name.trim());

  const tag = () => {
    const client = clientSource();
    if (client === null) {
      setSendError('Not connected to Berth.');
      return;
    }
    setSending(true);
    client
      .call('images.tag', { source: target.ref, target: name.trim() }, { engine: target.engineId })
      .then(
        () => onClose(),
        (failure: unknown) => setSendError(`Could not tag ${target.label}: ${toBerthError(failure).message}`),
      )
      .finally(() => setSending(false));
  };

  return (
    <ConfirmDialog
      title={`Tag ${target.label}`}
      confirmLabel="Tag"
      tone="normal"
      confirmDisabled={name.trim() === '' || error !== null || isSending}
      onConfirm={tag}
      onCancel={onClose}
    >
      <Field label="New name" error={error ?? sendError} hint="[host:port/]name[:tag], e.g. 127.0.0.1:5000/team/app:1 (no tag means latest)">
        {(control) => (
          <input
            {...control}
            type="text"
            value={name}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => {
              setName(event.target.value);
              setSendError(null);
            }}
          />
        )}
      </Field>
    </ConfirmDialog>
  );
}
