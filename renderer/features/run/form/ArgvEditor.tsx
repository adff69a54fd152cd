import type { ReactNode } from 'react';
import { fieldDomId } from '../model/fieldPaths.js';
import { splitShellWords } from '../../../../runtime/api/shell-words.js';
import type { ArgvDraft } from '../model/runDraft.js';
import { Field, FieldNotes } from './Field.js';
import { RemoveRowButton } from './controls.js';
import { useRunForm } from './runFormContext.js';

interface ArgvEditorProps {
  which: 'command' | 'entrypoint';
  argv: ArgvDraft;
  disabled?: boolean;
}

/**
 * A command (or entrypoint) typed as one shell-quoted line, which shows the exact arguments it
 * becomes, or edited argument by argument when quoting gets in the way. Either way an argument
 * list is sent: nothing runs through a shell unless the user writes `sh -c`.
 */
export function ArgvEditor({ which, argv, disabled = false }: ArgvEditorProps) {
  const { dispatch } = useRunForm();
  const noun = which === 'command' ? 'command' : 'entrypoint';
  const toggle = (
    <button type="button" className="run-toggle" disabled={disabled} onClick={() => dispatch({ type: 'toggleArgvMode', which })}>
      {argv.mode === 'text' ? `Edit ${noun} as argument list` : `Edit ${noun} as text`}
    </button>
  );
  if (argv.mode === 'text') {
    return (
      <div className="run-argv">
        <Field field={which} hint={argvHint(argv.text, which)}>
          {(control) => (
            <input
              {...control}
              type="text"
              className="run-mono"
              value={argv.text}
              disabled={disabled}
              placeholder={which === 'command' ? "the image's command, e.g. sh -c 'echo hi'" : "the image's entrypoint"}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => dispatch({ type: 'setArgvText', which, text: event.target.value })}
            />
          )}
        </Field>
        {toggle}
      </div>
    );
  }
  return <ArgvList which={which} args={argv.args} noun={noun} toggle={toggle} disabled={disabled} />;
}

function ArgvList({ which, args, noun, toggle, disabled }: { which: 'command' | 'entrypoint'; args: string[]; noun: string; toggle: ReactNode; disabled: boolean }) {
  const { dispatch, messages } = useRunForm();
  const id = fieldDomId(which);
  const issues = messages.issues.get(which) ?? [];
  const warnings = messages.warnings.get(which) ?? [];
  const ids = { issue: `${id}-issue`, warning: `${id}-warning`, hint: `${id}-hint` };
  const argLabel = which === 'command' ? 'Command argument' : 'Entrypoint argument';
  return (
    <div role="group" className="run-argv" aria-labelledby={`${id}-label`} aria-describedby={issues.length > 0 ? ids.issue : undefined}>
      {/* Not just "Command": the section's legend already is, and the two groups must differ. */}
      <span id={`${id}-label`} className="run-label">
        {which === 'command' ? 'Command arguments' : 'Entrypoint arguments'}
      </span>
      <ol className="run-args">
        {args.map((arg, index) => (
          <li key={index}>
            <label htmlFor={`${id}-${index}`} className="run-label">
              {argLabel} {index + 1}
            </label>
            <input
              id={`${id}-${index}`}
              type="text"
              className="run-mono"
              value={arg}
              disabled={disabled}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => dispatch({ type: 'setArg', which, index, value: event.target.value })}
            />
            <RemoveRowButton noun={`${noun} argument`} index={index} onRemove={() => dispatch({ type: 'removeArg', which, index })} />
          </li>
        ))}
      </ol>
      <button type="button" disabled={disabled} onClick={() => dispatch({ type: 'addArg', which })}>
        Add {noun} argument
      </button>
      {toggle}
      <FieldNotes field={which} issues={issues} warnings={warnings} ids={ids} hint={args.length === 0 ? `None: the image's ${noun}.` : undefined} />
    </div>
  );
}

function argvHint(text: string, which: 'command' | 'entrypoint'): string {
  if (text.trim() === '') return `Empty: the image's ${which}. Quote arguments that hold spaces.`;
  const split = splitShellWords(text);
  // The problem itself is shown as the field's issue; the hint says what to do about it.
  if (!split.ok) return split.message.includes('unclosed') ? 'Close the quote to see the arguments.' : 'Quote the operator to pass it on as an argument.';
  return `Runs as ${split.words.length} ${split.words.length === 1 ? 'argument' : 'arguments'}: ${JSON.stringify(split.words)}`;
}
