import type { RunDraft } from '../model/runDraft.js';
import { ArgvEditor } from './ArgvEditor.js';
import { CheckboxField, TextField } from './controls.js';
import { useRunForm } from './runFormContext.js';

type CommandDraft = Pick<RunDraft, 'command' | 'entrypoint' | 'clearEntrypoint' | 'workdir'>;

export function CommandSection({ command, entrypoint, clearEntrypoint, workdir }: CommandDraft) {
  const { dispatch } = useRunForm();
  return (
    <fieldset className="run-section">
      <legend>Command</legend>
      <ArgvEditor which="command" argv={command} />
      <ArgvEditor which="entrypoint" argv={entrypoint} disabled={clearEntrypoint} />
      <CheckboxField
        field="clearEntrypoint"
        checked={clearEntrypoint}
        hint={'Runs the command without the image\'s entrypoint (--entrypoint "").'}
        onChange={(value) => dispatch({ type: 'set', key: 'clearEntrypoint', value })}
      />
      <TextField field="workdir" value={workdir} placeholder="the image's" onChange={(value) => dispatch({ type: 'set', key: 'workdir', value })} />
    </fieldset>
  );
}
