import { useState, type KeyboardEvent } from 'react';
import { readLogTime } from '../../../runtime/api/log-time.js';
import { Field } from '../../ui/Field.js';

interface TimeFieldProps {
  label: 'Since' | 'Until';
  /** What the view reads with now; null: no bound. */
  value: string | null;
  /** A valid time (or null for none), when the user presses Enter or leaves the field. */
  onCommit: (value: string | null) => void;
}

/**
 * A `docker logs --since/--until` time: absolute, Unix seconds, or back from now (`10m`).
 * Checked with the contract's own reader; a bad one is named next to the field and not used.
 */
export function TimeField({ label, value, onCommit }: TimeFieldProps) {
  const [draft, setDraft] = useState(value ?? '');
  const [isTouched, setTouched] = useState(false);
  const text = draft.trim();
  const read = text === '' ? null : readLogTime(text);
  const error = isTouched && read !== null && !read.ok ? `${label} ${read.message}.` : null;

  const commit = () => {
    setTouched(true);
    if (read !== null && !read.ok) return;
    const next = text === '' ? null : text;
    if (next !== value) onCommit(next);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') commit();
  };

  return (
    <Field label={label} error={error}>
      {(control) => (
        <input
          {...control}
          className="log-time-input"
          value={draft}
          placeholder={label === 'Since' ? 'e.g. 10m' : 'e.g. 2026-11-30T10:00:00Z'}
          spellCheck={false}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
      )}
    </Field>
  );
}
