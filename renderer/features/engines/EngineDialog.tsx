import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Field } from '../../ui/Field.js';
import type { EngineRequest } from './EngineRow.js';
import type { EngineActions } from './useEngineActions.js';

interface EngineDialogProps {
  request: EngineRequest;
  actions: EngineActions;
  onClose: () => void;
}

/** What an engine action asks first: a new name, or whether to forget the engine. */
export function EngineDialog({ request, actions, onClose }: EngineDialogProps) {
  return request.kind === 'rename' ? <RenameDialog request={request} actions={actions} onClose={onClose} /> : <RemoveDialog request={request} actions={actions} onClose={onClose} />;
}

function RenameDialog({ request, actions, onClose }: EngineDialogProps) {
  const { engine } = request;
  const [name, setName] = useState(engine.name);
  const trimmed = name.trim();
  const error = trimmed === '' ? 'Name is required.' : trimmed.length > 64 ? 'Name must be at most 64 characters.' : null;
  const unchanged = trimmed === engine.name;
  return (
    <ConfirmDialog
      title={`Rename ${engine.name}`}
      confirmLabel="Rename"
      tone="normal"
      confirmDisabled={error !== null || unchanged}
      onConfirm={() => {
        onClose();
        void actions.rename(engine, trimmed);
      }}
      onCancel={onClose}
    >
      <Field label="New name" error={unchanged ? null : error}>
        {(control) => <input {...control} type="text" value={name} autoComplete="off" spellCheck={false} onChange={(event) => setName(event.target.value)} />}
      </Field>
    </ConfirmDialog>
  );
}

function RemoveDialog({ request, actions, onClose }: EngineDialogProps) {
  const { engine } = request;
  return (
    <ConfirmDialog
      title={`Remove ${engine.name}?`}
      confirmLabel="Remove"
      onConfirm={() => {
        onClose();
        void actions.remove(engine);
      }}
      onCancel={onClose}
    >
      <p>Berth disconnects from {engine.url} and forgets it. Its containers and images are not touched.</p>
    </ConfirmDialog>
  );
}
