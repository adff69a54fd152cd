import type { ReactNode } from 'react';
import { fieldDomId, fieldLabel, fieldLabelParts, fieldMeaning } from '../model/fieldPaths.js';
import { DocText } from '../../../ui/DocText.js';
import { useRunForm } from './runFormContext.js';

/** What a control needs to be named and described by its field. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  /** Draft field path; it names the label, the ids and the messages. */
  field: string;
  /** A note under the control; the field's meaning from the contract when not given. */
  hint?: ReactNode;
  /** Checkboxes put their label after the box. */
  labelAfter?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/**
 * One labelled control with its problems and warnings beside it. Problems set aria-invalid;
 * problems, warnings and the hint are all in aria-describedby, so a screen reader hears them
 * on reaching the field. Messages are text nodes: engine words are never parsed as HTML.
 */
export function Field({ field, hint: givenHint, labelAfter = false, children }: FieldProps) {
  const { messages } = useRunForm();
  const meaning = fieldMeaning(field);
  const hint = givenHint ?? (meaning === null ? undefined : <DocText text={meaning} />);
  const id = fieldDomId(field);
  const issues = messages.issues.get(field) ?? [];
  const warnings = messages.warnings.get(field) ?? [];
  const ids = { issue: `${id}-issue`, warning: `${id}-warning`, hint: `${id}-hint` };
  const describedBy = [issues.length > 0 && ids.issue, warnings.length > 0 && ids.warning, hint !== undefined && ids.hint].filter(Boolean).join(' ');
  const label = <FieldLabel field={field} htmlFor={id} />;
  const control = children({ id, 'aria-invalid': issues.length > 0 ? true : undefined, 'aria-describedby': describedBy || undefined });
  return (
    <div className={labelAfter ? 'run-field run-field-check' : 'run-field'}>
      {labelAfter ? control : label}
      {labelAfter ? label : control}
      <FieldNotes field={field} issues={issues} warnings={warnings} ids={ids} hint={hint} />
    </div>
  );
}

export function FieldLabel({ field, htmlFor, id }: { field: string; htmlFor?: string; id?: string }) {
  const { text, number } = fieldLabelParts(field);
  const Tag = htmlFor === undefined ? 'span' : 'label';
  return (
    <Tag htmlFor={htmlFor} id={id} className="run-label">
      {text}
      {number !== undefined && <span className="visually-hidden"> {number}</span>}
    </Tag>
  );
}

interface FieldNotesProps {
  field: string;
  issues: readonly string[];
  warnings: readonly string[];
  ids: { issue: string; warning: string; hint: string };
  hint?: ReactNode;
}

/** Problems, warnings and the hint of one field; also used by groups that are not one control. */
export function FieldNotes({ field, issues, warnings, ids, hint }: FieldNotesProps) {
  return (
    <>
      {issues.length > 0 && (
        <div id={ids.issue} className="field-issue">
          {issues.map((message, i) => (
            <p key={i}>
              {fieldLabel(field)}: {message}
            </p>
          ))}
        </div>
      )}
      {warnings.length > 0 && (
        <div id={ids.warning} className="field-warning">
          {warnings.map((message, i) => (
            <p key={i}>Warning: {message}</p>
          ))}
        </div>
      )}
      {hint !== undefined && (
        <p id={ids.hint} className="field-hint">
          {hint}
        </p>
      )}
    </>
  );
}
