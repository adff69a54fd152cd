import type { RunDraft } from '../model/runDraft.js';
import { CheckboxField, RemoveRowButton, TextField } from './controls.js';
import { useRunForm } from './runFormContext.js';

type OptionsDraft = Pick<RunDraft, 'autoRemove' | 'interactive' | 'tty' | 'init' | 'labels'>;

export function OptionsSection({ autoRemove, interactive, tty, init, labels }: OptionsDraft) {
  const { dispatch } = useRunForm();
  return (
    <fieldset className="run-section">
      <legend>Options</legend>
      <CheckboxField
        field="autoRemove"
        checked={autoRemove}
        hint="Removed as soon as it exits (--rm)."
        onChange={(value) => dispatch({ type: 'set', key: 'autoRemove', value })}
      />
      <CheckboxField
        field="interactive"
        checked={interactive}
        hint="Keep its input open (-i)."
        onChange={(value) => dispatch({ type: 'set', key: 'interactive', value })}
      />
      <CheckboxField
        field="tty"
        checked={tty}
        // Honest about this version: the terminal would open here, but it does not exist yet.
        hint="Give it a terminal (-t). With Interactive, its terminal would open once started; the terminal is not built yet in this version."
        onChange={(value) => dispatch({ type: 'set', key: 'tty', value })}
      />
      <CheckboxField
        field="init"
        checked={init}
        hint="Run a tiny init as process 1 that reaps zombies and forwards signals."
        onChange={(value) => dispatch({ type: 'set', key: 'init', value })}
      />
      <fieldset className="run-subsection">
        <legend>Labels</legend>
        {labels.map((row, index) => (
          <div key={row.rowId} className="run-row">
            <TextField
              field={`labels.${index}.key`}
              value={row.key}
              placeholder="com.example.team"
              onChange={(key) => dispatch({ type: 'updateRow', list: 'labels', index, patch: { key } })}
            />
            <TextField
              field={`labels.${index}.value`}
              value={row.value}
              onChange={(value) => dispatch({ type: 'updateRow', list: 'labels', index, patch: { value } })}
            />
            <RemoveRowButton noun="label" index={index} onRemove={() => dispatch({ type: 'removeRow', list: 'labels', index })} />
          </div>
        ))}
        <div className="run-actions">
          <button type="button" onClick={() => dispatch({ type: 'addRow', list: 'labels' })}>
            Add label
          </button>
        </div>
      </fieldset>
    </fieldset>
  );
}
