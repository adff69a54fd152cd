import type { RestartDraft, RestartName } from '../model/runDraft.js';
import { SelectField, TextField, type Choice } from './controls.js';
import { useRunForm } from './runFormContext.js';

const policies: Choice<RestartName>[] = [
  { value: 'no', label: 'no: never restart' },
  { value: 'always', label: 'always' },
  { value: 'unless-stopped', label: 'unless-stopped' },
  { value: 'on-failure', label: 'on-failure: after a non-zero exit' },
];

export function RestartSection({ restart }: { restart: RestartDraft }) {
  const { dispatch } = useRunForm();
  return (
    <fieldset className="run-section">
      <legend>Restart policy</legend>
      <SelectField field="restart.name" value={restart.name} choices={policies} onChange={(name) => dispatch({ type: 'setRestart', patch: { name } })} />
      {restart.name === 'on-failure' && (
        <TextField
          field="restart.maxRetries"
          value={restart.maxRetries}
          inputMode="numeric"
          placeholder="0"
          hint="Empty or 0: keep restarting for ever."
          onChange={(maxRetries) => dispatch({ type: 'setRestart', patch: { maxRetries } })}
        />
      )}
    </fieldset>
  );
}
