import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Field } from '../../ui/Field.js';
import { targetsText } from './ActionDialog.js';
import type { ContainerActions, ContainerRef } from './useContainerActions.js';

/** The signals people send by hand; SIGKILL first because it is `docker kill`'s default. */
export const killSignals = ['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'] as const;

interface KillDialogProps {
  targets: ContainerRef[];
  actions: ContainerActions;
  onClose: () => void;
}

export function KillDialog({ targets, actions, onClose }: KillDialogProps) {
  const [signal, setSignal] = useState<string>('SIGKILL');
  const confirm = () => {
    onClose();
    for (const target of targets) void actions.kill(target, { signal });
  };
  return (
    <ConfirmDialog title={`Kill ${targetsText(targets)}?`} confirmLabel="Kill" onConfirm={confirm} onCancel={onClose}>
      <p>The signal goes to the main process of each container.</p>
      <Field label="Signal">
        {(control) => (
          <select {...control} value={signal} onChange={(event) => setSignal(event.target.value)}>
            {killSignals.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </ConfirmDialog>
  );
}
