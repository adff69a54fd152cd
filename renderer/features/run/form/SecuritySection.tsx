import type { RunDraft } from '../model/runDraft.js';
import { CheckboxField, SelectField, TextField, type Choice } from './controls.js';
import { useRunForm } from './runFormContext.js';

type SecurityDraft = Pick<RunDraft, 'user' | 'privileged' | 'readOnlyRootfs' | 'pidMode' | 'ipcMode' | 'capAdd' | 'capDrop'>;

const pidModes: Choice<string>[] = [
  { value: '', label: 'private (default)' },
  { value: 'host', label: "host: see the host's processes" },
];

const ipcModes: Choice<string>[] = [
  { value: '', label: "default (the engine's)" },
  { value: 'private', label: 'private' },
  { value: 'shareable', label: 'shareable' },
  { value: 'host', label: "host: share the host's IPC" },
];

/** A pasted `--pid container:db` is kept as a choice of its own rather than silently lost. */
function withCurrent(choices: Choice<string>[], value: string): Choice<string>[] {
  return choices.some((choice) => choice.value === value) ? choices : [...choices, { value, label: value }];
}

export function SecuritySection({ user, privileged, readOnlyRootfs, pidMode, ipcMode, capAdd, capDrop }: SecurityDraft) {
  const { dispatch } = useRunForm();
  return (
    <fieldset className="run-section">
      <legend>Security</legend>
      <TextField field="user" value={user} placeholder="the image's, e.g. 1000:1000" onChange={(value) => dispatch({ type: 'set', key: 'user', value })} />
      <CheckboxField field="privileged" checked={privileged} onChange={(value) => dispatch({ type: 'set', key: 'privileged', value })} />
      <CheckboxField
        field="readOnlyRootfs"
        checked={readOnlyRootfs}
        onChange={(value) => dispatch({ type: 'set', key: 'readOnlyRootfs', value })}
      />
      <SelectField field="pidMode" value={pidMode} choices={withCurrent(pidModes, pidMode)} onChange={(value) => dispatch({ type: 'set', key: 'pidMode', value })} />
      <SelectField field="ipcMode" value={ipcMode} choices={withCurrent(ipcModes, ipcMode)} onChange={(value) => dispatch({ type: 'set', key: 'ipcMode', value })} />
      <TextField
        field="capAdd"
        value={capAdd}
        placeholder="NET_BIND_SERVICE"
        hint="Capability names separated by spaces or commas."
        onChange={(value) => dispatch({ type: 'set', key: 'capAdd', value })}
      />
      <TextField field="capDrop" value={capDrop} placeholder="ALL" onChange={(value) => dispatch({ type: 'set', key: 'capDrop', value })} />
    </fieldset>
  );
}
