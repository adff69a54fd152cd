import { useId } from 'react';

interface FilterWordsFieldProps {
  value: string;
  placeholder: string;
  /** Why a word is wrong (the contract's own check), shown in place of the hint; null when all are fine. */
  problem: string | null;
  /** What the words are, e.g. "As docker image prune --filter takes them, separated by spaces." */
  hint: string;
  onChange: (text: string) => void;
}

/** The optional filter words of a **Prune…** dialog: a text field with its hint, or what is wrong, tied to it for assistive technology. */
export function FilterWordsField({ value, placeholder, problem, hint, onChange }: FilterWordsFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Filters (optional)</label>
      <input
        id={id}
        type="text"
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-note`}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={`${id}-note`} className={problem === null ? 'field-hint' : 'field-error'}>
        {problem ?? hint}
      </span>
    </div>
  );
}

/** A prune preview not (yet) there: why it could not be worked out, that it is being, or that the filters must be fixed first. */
export function PreviewPending({ failure, problem }: { failure: { message: string } | null; problem: string | null }) {
  if (failure !== null) return <p className="error-text">Could not work out what would go: {failure.message}</p>;
  return <p className="empty">{problem === null ? 'Working out what would go…' : 'Fix the filters to see what would go.'}</p>;
}
