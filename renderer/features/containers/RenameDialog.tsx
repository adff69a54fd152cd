import { useState } from 'react';
import { containerNamePattern } from '../../../runtime/api/index.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Field } from '../../ui/Field.js';
import type { ContainerActions, ContainerRef } from './useContainerActions.js';

/** The engine's own name rule, said in words before anything is sent. */
export function containerNameError(name: string): string | null {
  if (name === '') return 'New name is required.';
  if (!containerNamePattern.test(name) || name.startsWith('/')) {
    return 'New name must be at least 2 characters, start with a letter or digit, and use only letters, digits, _ . -';
  }
  return null;
}

interface RenameDialogProps {
  target: ContainerRef;
  actions: ContainerActions;
  onClose: () => void;
}

export function RenameDialog({ target, actions, onClose }: RenameDialogProps) {
  const [name, setName] = useState(target.name);
  const error = containerNameError(name);
  const unchanged = name === target.name;
  const confirm = () => {
    if (error || unchanged) return;
    onClose();
    void actions.rename(target, name);
  };
  return (
    <ConfirmDialog
      title={`Rename ${target.name}`}
      confirmLabel="Rename"
      tone="normal"
      confirmDisabled={error !== null || unchanged}
      onConfirm={confirm}
      onCancel={onClose}
    >
      <Field label="New name" error={unchanged ? null : error}>
        {(control) => <input {...control} type="text" value={name} autoComplete="off" spellCheck={false} onChange={(event) => setName(event.target.value)} />}
      </Field>
    </ConfirmDialog>
  );
}
