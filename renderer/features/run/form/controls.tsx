import type { ReactNode } from 'react';
import { Field } from './Field.js';

/** The form's controls, each a Field: a label, the control, and its messages. */

interface TextFieldProps {
  field: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  placeholder?: string;
  /** Id of a <datalist> of suggestions. */
  list?: string;
  inputMode?: 'text' | 'numeric' | 'decimal';
  disabled?: boolean;
}

export function TextField({ field, value, onChange, hint, placeholder, list, inputMode, disabled }: TextFieldProps) {
  return (
    <Field field={field} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={value}
          placeholder={placeholder}
          list={list}
          inputMode={inputMode}
          disabled={disabled}
          // Names, paths and commands: the browser's autocorrect would only get in the way.
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

interface TextAreaFieldProps {
  field: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  placeholder?: string;
}

/** Several values, one per line (a flag given several times). */
export function TextAreaField({ field, value, onChange, hint, placeholder }: TextAreaFieldProps) {
  return (
    <Field field={field} hint={hint}>
      {(control) => (
        <textarea
          {...control}
          value={value}
          placeholder={placeholder}
          rows={Math.min(6, Math.max(2, value.split('\n').length))}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

interface CheckboxFieldProps {
  field: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
}

export function CheckboxField({ field, checked, onChange, hint }: CheckboxFieldProps) {
  return (
    <Field field={field} hint={hint} labelAfter>
      {(control) => <input {...control} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />}
    </Field>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
}

interface SelectFieldProps<T extends string> {
  field: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  hint?: ReactNode;
}

export function SelectField<T extends string>({ field, value, choices, onChange, hint }: SelectFieldProps<T>) {
  return (
    <Field field={field} hint={hint}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => {
            // The DOM gives back one of the values rendered below.
            const chosen = choices.find((choice) => choice.value === event.target.value);
            if (chosen) onChange(chosen.value);
          }}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A button that removes one row, named after it: "Remove port 2". */
export function RemoveRowButton({ noun, index, onRemove }: { noun: string; index: number; onRemove: () => void }) {
  return (
    <button type="button" className="run-remove" onClick={onRemove}>
      Remove<span className="visually-hidden"> {noun} {index + 1}</span>
    </button>
  );
}
