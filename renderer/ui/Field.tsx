import './ui.css';
import { useId, type ReactNode } from 'react';

/** What a control inside a Field spreads onto itself to be labelled and described. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  /** Why the value is wrong, as a sentence that names the field. Announced when it appears. */
  error?: string | null;
  /** A short note under the control, e.g. accepted units. */
  hint?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled control with its hint and error tied to it (aria-describedby), so both are read with it. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} role="alert" className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
