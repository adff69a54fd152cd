import { useState, type FormEvent } from 'react';
import { Field } from '../../ui/Field.js';
import { addEngineLabels, emptyAddEngineDraft, urlKind, type AddEngineDraft, type AddEngineField } from './addEngineForm.js';
import { useAddEngine } from './useAddEngine.js';

type TextKey = Exclude<AddEngineField, 'verify'>;

/**
 * "Add engine": a URL, an optional name, and what reaching it takes: TLS file paths for
 * `tcp://`, an ssh config for `ssh://`. Errors are shown next to the field they are about; the
 * form is emptied only once the engine was added, so a refusal loses nothing typed.
 */
export function AddEngineForm() {
  const [draft, setDraft] = useState<AddEngineDraft>(emptyAddEngineDraft);
  const { isAdding, fieldErrors, formError, added, add } = useAddEngine();
  const kind = urlKind(draft.url);
  const set = (key: TextKey) => (value: string) => setDraft((old) => ({ ...old, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isAdding) return;
    const submitted = draft;
    // Emptied only if untouched since: the next engine may already be being typed in.
    void add(submitted).then((isAdded) => {
      if (isAdded) setDraft((current) => (current === submitted ? emptyAddEngineDraft : current));
    });
  };

  return (
    <form className="add-engine" aria-label="Add engine" noValidate onSubmit={submit}>
      <h2>Add engine</h2>
      <TextInput label={addEngineLabels.url} value={draft.url} error={fieldErrors.url} placeholder="unix:///path, tcp://host:port or ssh://user@host" onChange={set('url')} />
      <TextInput label={`${addEngineLabels.name} (optional)`} value={draft.name} error={fieldErrors.name} placeholder="taken from the URL" onChange={set('name')} />
      {kind === 'tcp' && (
        <fieldset className="add-engine-group">
          <legend>TLS (file paths, as in DOCKER_CERT_PATH; leave all three empty for plain TCP)</legend>
          <TextInput label={addEngineLabels.caPath} value={draft.caPath} error={fieldErrors.caPath} placeholder="/path/to/ca.pem" onChange={set('caPath')} />
          <TextInput label={addEngineLabels.certPath} value={draft.certPath} error={fieldErrors.certPath} placeholder="/path/to/cert.pem" onChange={set('certPath')} />
          <TextInput label={addEngineLabels.keyPath} value={draft.keyPath} error={fieldErrors.keyPath} placeholder="/path/to/key.pem" onChange={set('keyPath')} />
          <label className="check">
            <input type="checkbox" checked={draft.verify} onChange={(event) => setDraft((old) => ({ ...old, verify: event.target.checked }))} />
            {addEngineLabels.verify}
          </label>
          {fieldErrors.verify && (
            <span role="alert" className="field-error">
              {fieldErrors.verify}
            </span>
          )}
        </fieldset>
      )}
      {kind === 'ssh' && (
        <TextInput
          label={`${addEngineLabels.sshConfigPath} (optional)`}
          value={draft.sshConfigPath}
          error={fieldErrors.sshConfigPath}
          placeholder="~/.ssh/config is used when empty"
          onChange={set('sshConfigPath')}
        />
      )}
      <div className="add-engine-actions">
        <button type="submit" className="button-primary" aria-disabled={isAdding ? true : undefined}>
          Add engine
        </button>
        <span role="status" className="muted">
          {isAdding ? 'Adding and connecting…' : (added ?? '')}
        </span>
      </div>
      {formError !== null && (
        <p role="alert" className="field-error">
          {formError}
        </p>
      )}
    </form>
  );
}

interface TextInputProps {
  label: string;
  value: string;
  error: string | undefined;
  placeholder: string;
  onChange: (value: string) => void;
}

function TextInput({ label, value, error, placeholder, onChange }: TextInputProps) {
  return (
    <Field label={label} error={error ?? null}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={value}
          placeholder={placeholder}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
