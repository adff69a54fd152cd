import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Field } from '../../ui/Field.js';
import { targetsText } from './ActionDialog.js';
import type { ContainerActions, ContainerRef } from './useContainerActions.js';

/** Seconds between SIGTERM and SIGKILL, as `docker stop --time` takes them. */
export function timeoutError(text: string): string | null {
  if (!/^\d+$/.test(text.trim()) || Number(text) > 3600) return 'Timeout must be a whole number of seconds from 0 to 3600.';
  return null;
}

interface StopDialogProps {
  targets: ContainerRef[];
  actions: ContainerActions;
  onClose: () => void;
}

export function StopDialog({ targets, actions, onClose }: StopDialogProps) {
  const [timeout, setTimeoutText] = useState('10');
  const error = timeoutError(timeout);
  const confirm = () => {
    if (error) return;
    onClose();
    for (const target of targets) void actions.stop(target, { timeoutSeconds: Number(timeout) });
  };
  return (
    <ConfirmDialog title={`Stop ${targetsText(targets)}?`} confirmLabel="Stop" confirmDisabled={error !== null} onConfirm={confirm} onCancel={onClose}>
      <p>Each container gets SIGTERM, then SIGKILL once the timeout has passed.</p>
      <Field label="Timeout (seconds)" error={error}>
        {(control) => <input {...control} type="text" inputMode="numeric" value={timeout} onChange={(event) => setTimeoutText(event.target.value)} />}
      </Field>
    </ConfirmDialog>
  );
}
