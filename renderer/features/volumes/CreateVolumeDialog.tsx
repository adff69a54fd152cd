import { useState } from 'react';
import { volumeNamePattern, type VolumeSummary } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import type { EngineTags } from '../../app/useEngineViews.js';
import { toBerthError } from '../../transport/callError.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { EngineSelect } from '../../ui/EngineSelect.js';
import { Field } from '../../ui/Field.js';
import { readKeyValueLines } from './keyValueLines.js';

type FieldName = 'name' | 'driver' | 'driverOptions' | 'labels' | 'form';

interface CreateVolumeDialogProps {
  engineId: string;
  engines: EngineTags;
  onCreated: (volume: VolumeSummary) => void;
  onClose: () => void;
}

/** **Create volume…**: name, driver, driver options and labels; a refusal is shown next to the field it is about. */
export function CreateVolumeDialog({ engineId: initialEngineId, engines, onCreated, onClose }: CreateVolumeDialogProps) {
  const clientSource = useClientSource();
  const [engineId, setEngineId] = useState(initialEngineId);
  const [name, setName] = useState('');
  const [driver, setDriver] = useState('local');
  const [optionsText, setOptionsText] = useState('');
  const [labelsText, setLabelsText] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [busy, setBusy] = useState(false);
  const options = readKeyValueLines(optionsText);
  const labels = readKeyValueLines(labelsText);
  const nameProblem = name !== '' && !volumeNamePattern.test(name) ? 'Name: use 2 or more letters, digits, _ . -, starting with a letter or digit.' : null;
  const shown: Partial<Record<FieldName, string>> = {
    ...errors,
    ...(nameProblem === null ? {} : { name: nameProblem }),
    ...(options.ok ? {} : { driverOptions: `Driver options: ${options.message}.` }),
    ...(labels.ok ? {} : { labels: `Labels: ${labels.message}.` }),
  };
  const invalid = nameProblem !== null || !options.ok || !labels.ok || driver.trim() === '';

  const create = () => {
    const client = clientSource();
    if (client === null || !options.ok || !labels.ok) return;
    setBusy(true);
    setErrors({});
    client.call('volumes.create', { ...(name === '' ? {} : { name }), driver: driver.trim(), driverOptions: options.map, labels: labels.map }, { engine: engineId }).then(
      (volume) => {
        onCreated(volume);
        onClose();
      },
      (error: unknown) => {
        setBusy(false);
        const wire = toBerthError(error);
        const given = wire.details?.field;
        const field = (typeof given === 'string' ? given.split('.')[0] : '') as FieldName;
        setErrors({ [['name', 'driver', 'driverOptions', 'labels'].includes(field) ? field : 'form']: wire.message });
      },
    );
  };

  const connected = engines.views.filter((view) => view.state === 'connected');
  return (
    <ConfirmDialog title="Create volume" confirmLabel={busy ? 'Creating…' : 'Create'} tone="normal" confirmDisabled={invalid || busy} onConfirm={create} onCancel={onClose}>
      {engines.isShown && <EngineSelect engineId={engineId} choices={connected} onChoose={setEngineId} />}
      <Field label="Name" error={shown.name ?? null} hint="Leave empty and the engine names it.">
        {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" />}
      </Field>
      <Field label="Driver" error={shown.driver ?? null}>
        {(control) => <input {...control} value={driver} onChange={(event) => setDriver(event.target.value)} autoComplete="off" />}
      </Field>
      <Field label="Driver options" error={shown.driverOptions ?? null} hint="One KEY=VALUE a line, as docker volume create -o (local: type, device, o).">
        {(control) => <textarea {...control} rows={3} value={optionsText} onChange={(event) => setOptionsText(event.target.value)} />}
      </Field>
      <Field label="Labels" error={shown.labels ?? null} hint="One KEY=VALUE a line.">
        {(control) => <textarea {...control} rows={3} value={labelsText} onChange={(event) => setLabelsText(event.target.value)} />}
      </Field>
      {shown.form !== undefined && (
        <p role="alert" className="error-text">
          {shown.form}
        </p>
      )}
    </ConfirmDialog>
  );
}
