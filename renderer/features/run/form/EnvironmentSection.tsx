import type { EnvRow } from '../model/runDraft.js';
import { EnvImport } from './EnvImport.js';
import { RemoveRowButton, TextField } from './controls.js';
import { useRunForm } from './runFormContext.js';

export function EnvironmentSection({ env }: { env: EnvRow[] }) {
  const { dispatch } = useRunForm();
  return (
    <fieldset className="run-section">
      <legend>Environment</legend>
      {env.length === 0 && <p className="run-empty">No variables: the image's environment only.</p>}
      {env.map((row, index) => (
        <div key={row.rowId} className="run-row">
          <TextField
            field={`env.${index}.key`}
            value={row.key}
            placeholder="KEY"
            onChange={(key) => dispatch({ type: 'updateRow', list: 'env', index, patch: { key } })}
          />
          <TextField
            field={`env.${index}.value`}
            value={row.value ?? ''}
            // `-e KEY` from a pasted command: the value comes from the environment Berth runs in.
            placeholder={row.value === undefined ? 'not set: passed through' : 'value'}
            onChange={(value) => dispatch({ type: 'updateRow', list: 'env', index, patch: { value } })}
          />
          <RemoveRowButton noun="variable" index={index} onRemove={() => dispatch({ type: 'removeRow', list: 'env', index })} />
        </div>
      ))}
      <div className="run-actions">
        <button type="button" onClick={() => dispatch({ type: 'addRow', list: 'env' })}>
          Add variable
        </button>
        <EnvImport onImport={(vars) => dispatch({ type: 'importEnv', vars })} />
      </div>
    </fieldset>
  );
}
