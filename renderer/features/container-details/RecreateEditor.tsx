import { useMemo, useState } from 'react';
import type { RunSpec } from '../../../runtime/api/index.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Field } from '../../ui/Field.js';
import { specDifferences, type SpecDifference } from './recreateDiff.js';
import { formFromSpec, readRecreateForm, recreateLabels, type RecreateField, type RecreateForm } from './recreateForm.js';
import type { RecreateState } from './useRecreate.js';

interface RecreateEditorProps {
  original: RunSpec;
  name: string;
  recreate: RecreateState;
  onCancel: () => void;
}

const hints: Record<RecreateField, string> = {
  image: 'e.g. busybox:1.37',
  command: "one argument per line; empty for the image's default",
  env: 'one NAME=value per line; a masked value keeps its secret',
  ports: 'one per line: 8080:80, 127.0.0.1:8080:80/tcp, 8000-8001:80-81 or 80',
  labels: 'one name=value per line',
};

export function RecreateEditor({ original, name, recreate, onCancel }: RecreateEditorProps) {
  const [form, setForm] = useState<RecreateForm>(() => formFromSpec(original));
  const [showErrors, setShowErrors] = useState(false);
  const [isConfirming, setConfirming] = useState(false);
  const { errors, spec } = useMemo(() => readRecreateForm(form, original), [form, original]);
  const differences = useMemo(() => (spec === null ? [] : specDifferences(original, spec)), [spec, original]);
  const fieldError = (field: RecreateField) => (showErrors ? errors[field] : undefined) ?? (recreate.errorField === field ? recreate.error : null);

  const control = (field: RecreateField) => (
    <Field key={field} label={recreateLabels[field]} hint={hints[field]} error={fieldError(field)}>
      {(props) =>
        field === 'image' ? (
          <input {...props} type="text" spellCheck={false} value={form.image} onChange={(event) => setForm({ ...form, image: event.target.value })} />
        ) : (
          <textarea {...props} rows={4} spellCheck={false} value={form[field]} onChange={(event) => setForm({ ...form, [field]: event.target.value })} />
        )
      }
    </Field>
  );

  return (
    <>
      <form
        aria-label="Recreate settings"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setShowErrors(true);
          if (spec !== null && differences.length > 0) setConfirming(true);
        }}
      >
        <div className="field-grid">{(['image', 'command', 'env', 'ports', 'labels'] as const).map(control)}</div>
        {showErrors && errors.other && (
          <p role="alert" className="error-text">
            {errors.other}
          </p>
        )}
        <h3>Changes</h3>
        <DifferenceList differences={differences} isValid={spec !== null} />
        {recreate.error && recreate.errorField === null && (
          <p role="alert" className="error-text">
            {recreate.error}
          </p>
        )}
        <div className="form-buttons">
          <button type="submit" className="button-primary" disabled={recreate.isRecreating || (spec !== null && differences.length === 0)}>
            {recreate.isRecreating ? 'Recreating…' : 'Recreate'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      {isConfirming && spec !== null && (
        <ConfirmDialog
          title={`Recreate ${name}?`}
          confirmLabel="Recreate"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            recreate.recreate(spec);
          }}
        >
          <p>{name} is removed and made again with these changes:</p>
          <DifferenceList differences={differences} isValid />
        </ConfirmDialog>
      )}
    </>
  );
}

function DifferenceList({ differences, isValid }: { differences: readonly SpecDifference[]; isValid: boolean }) {
  if (!isValid) return <p className="muted">Some fields are not valid yet.</p>;
  if (differences.length === 0) return <p className="muted">No changes yet.</p>;
  return (
    <ul className="differences" aria-label="Changes">
      {differences.map((difference) => (
        <li key={difference.field}>
          {difference.field}: {difference.before ?? '(none)'} → {difference.after ?? '(none)'}
        </li>
      ))}
    </ul>
  );
}
