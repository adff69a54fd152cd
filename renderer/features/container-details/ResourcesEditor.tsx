import { useState } from 'react';
import type { ContainerLimits } from '../../../runtime/api/index.js';
import { Field } from '../../ui/Field.js';
import { fieldLabels, formFromLimits, readResourcesForm, restartNames, type FieldErrors, type HostCapacity, type ResourcesField, type ResourcesForm } from './resourcesForm.js';
import type { ResourcesUpdateState } from './useResourcesUpdate.js';

interface ResourcesEditorProps {
  limits: ContainerLimits;
  host: HostCapacity;
  /** Owned by the parent so that its outcome outlives this form, which restarts on new limits. */
  saving: ResourcesUpdateState;
}

const hints: Partial<Record<ResourcesField, string>> = {
  memoryBytes: 'e.g. 256m or 1g; at least 6 MiB',
  memoryReservationBytes: 'soft limit, e.g. 128m',
  memorySwapBytes: 'memory plus swap, e.g. 1g; -1 for unlimited swap; empty with a first memory limit: twice that limit',
  cpus: 'e.g. 1.5',
  cpuShares: 'relative weight; the default is 1024',
  cpusetCpus: 'e.g. 0-1,3',
  pidsLimit: 'empty for no limit',
};

/**
 * Live limits (`docker update`): every field is checked before anything is sent, and only the
 * changed ones are sent. Engine errors land next to the field they name, otherwise in an alert.
 */
export function ResourcesEditor({ limits, host, saving }: ResourcesEditorProps) {
  const [form, setForm] = useState<ResourcesForm>(() => formFromLimits(limits));
  const [checkErrors, setCheckErrors] = useState<FieldErrors>({});
  const [nothingChanged, setNothingChanged] = useState(false);
  const errors = { ...saving.fieldErrors, ...checkErrors };

  const set = (field: ResourcesField, value: string) => {
    setForm((old) => ({ ...old, [field]: value }));
    setCheckErrors((old) => ({ ...old, [field]: undefined }));
    setNothingChanged(false);
  };
  const submit = () => {
    const { errors: found, update } = readResourcesForm(form, limits, host);
    setCheckErrors(found);
    setNothingChanged(update === null && Object.keys(found).length === 0);
    if (update !== null) saving.apply(update);
  };
  const input = (field: ResourcesField) => (
    <Field key={field} label={fieldLabels[field]} hint={hints[field]} error={errors[field]}>
      {(control) => <input {...control} type="text" autoComplete="off" spellCheck={false} value={form[field]} onChange={(event) => set(field, event.target.value)} />}
    </Field>
  );

  return (
    <form
      className="resources-editor"
      aria-label="Edit limits"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="field-grid">
        {(['memoryBytes', 'memoryReservationBytes', 'memorySwapBytes', 'cpus', 'cpuShares', 'cpusetCpus', 'pidsLimit'] as const).map(input)}
        <Field label={fieldLabels.restartName} error={errors.restartName}>
          {(control) => (
            <select {...control} value={form.restartName} onChange={(event) => set('restartName', event.target.value)}>
              {restartNames.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {form.restartName === 'on-failure' && input('restartMaxRetries')}
      </div>
      {saving.error && (
        <p role="alert" className="error-text">
          {saving.error}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="button-primary" disabled={saving.isSaving}>
          Apply changes
        </button>
        <span role="status" className="muted">
          {saving.isSaving ? 'Applying…' : nothingChanged ? 'Nothing changed.' : (saving.outcome ?? '')}
        </span>
      </div>
    </form>
  );
}
