import { useState } from 'react';
import { checkPullReference } from '../../../runtime/api/image-reference.js';
import { useClientSource } from '../../app/connectionContext.js';
import { useDefaultEngineId, useEngineViews } from '../../app/useEngineViews.js';
import { useBerth } from '../../stores/store.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Field } from '../../ui/Field.js';
import { EngineSelect } from '../../ui/EngineSelect.js';

/** Why a reference cannot be pulled, naming the field, or null: the backend's own rule (runtime/api/image-reference.ts). */
export function pullReferenceError(reference: string): string | null {
  if (reference.trim() === '') return null; // nothing typed yet: the button stays off, no scolding
  const check = checkPullReference(reference);
  return check.ok ? null : `Image reference: ${check.reason}`;
}

/**
 * "Pull an image": a reference checked as it is typed (`name`, `name:tag`, `name@sha256:...`,
 * with a registry host and port), and the engine to pull to when more than one is connected.
 * The pull itself runs as a task (status bar), so the dialog closes at once.
 */
export function PullImageDialog({ onClose }: { onClose: () => void }) {
  const clientSource = useClientSource();
  const startTask = useBerth((s) => s.tasks.start);
  const connected = useEngineViews().filter((engine) => engine.state === 'connected');
  const defaultEngineId = useDefaultEngineId();
  const [reference, setReference] = useState('');
  const [chosenEngine, setChosenEngine] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const engineId = chosenEngine ?? (connected.some((engine) => engine.engineId === defaultEngineId) ? defaultEngineId : (connected[0]?.engineId ?? null));
  const error = pullReferenceError(reference.trim());
  const canPull = reference.trim() !== '' && error === null && engineId !== null;

  const pull = () => {
    const client = clientSource();
    if (!canPull || engineId === null) return;
    if (client === null) {
      setSendError('Not connected to Berth.');
      return;
    }
    startTask(client, 'pull', engineId, reference.trim());
    onClose();
  };

  return (
    <ConfirmDialog title="Pull an image" confirmLabel="Pull" tone="normal" confirmDisabled={!canPull} onConfirm={pull} onCancel={onClose}>
      <Field label="Image reference" error={error ?? sendError} hint="name, name:tag or name@sha256:…, with host:port/ for a registry other than Docker Hub">
        {(control) => (
          <input
            {...control}
            type="text"
            value={reference}
            autoComplete="off"
            spellCheck={false}
            placeholder="127.0.0.1:5000/team/app:1"
            onChange={(event) => {
              setReference(event.target.value);
              setSendError(null);
            }}
          />
        )}
      </Field>
      {connected.length > 1 && (
        <EngineSelect engineId={engineId ?? undefined} choices={connected} onChoose={setChosenEngine} />
      )}
      {connected.length === 0 && <p className="field-error">No engine is connected.</p>}
    </ConfirmDialog>
  );
}
