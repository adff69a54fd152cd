import type { MountRow, MountType } from '../model/runDraft.js';
import { CheckboxField, RemoveRowButton, SelectField, TextField, type Choice } from './controls.js';
import { useRunForm } from './runFormContext.js';

const mountTypes: Choice<MountType>[] = [
  { value: 'bind', label: 'Bind mount (host path)' },
  { value: 'volume', label: 'Named volume' },
  { value: 'anonymous', label: 'Anonymous volume' },
  { value: 'tmpfs', label: 'tmpfs (in memory)' },
];

export function MountsSection({ mounts }: { mounts: MountRow[] }) {
  const { dispatch } = useRunForm();
  return (
    <fieldset className="run-section">
      <legend>Mounts</legend>
      {mounts.length === 0 && <p className="run-empty">No mounts: the container's files live and die with it.</p>}
      {mounts.map((row, index) => {
        const update = (patch: Partial<Omit<MountRow, 'rowId'>>) => dispatch({ type: 'updateRow', list: 'mounts', index, patch });
        const hasSource = row.type === 'bind' || row.type === 'volume';
        return (
          <div key={row.rowId} className="run-row">
            <SelectField field={`mounts.${index}.type`} value={row.type} choices={mountTypes} onChange={(type) => update({ type })} />
            {hasSource && (
              <TextField
                field={`mounts.${index}.source`}
                value={row.source}
                placeholder={row.type === 'bind' ? '/absolute/path/on/the/engine/host' : 'volume-name'}
                onChange={(source) => update({ source })}
              />
            )}
            <TextField field={`mounts.${index}.target`} value={row.target} placeholder="/path/in/container" onChange={(target) => update({ target })} />
            {hasSource && <CheckboxField field={`mounts.${index}.readOnly`} checked={row.readOnly} onChange={(readOnly) => update({ readOnly })} />}
            {(row.type === 'tmpfs' || hasSource) && (
              <TextField
                field={`mounts.${index}.options`}
                value={row.options}
                placeholder={row.type === 'tmpfs' ? 'size=64m,mode=1777' : 'z, rshared, nocopy'}
                hint={row.type === 'tmpfs' ? 'tmpfs options, e.g. size=64m,mode=1777.' : 'Other -v options: an SELinux label (z, Z), propagation (rshared, ...), nocopy.'}
                onChange={(options) => update({ options })}
              />
            )}
            <RemoveRowButton noun="mount" index={index} onRemove={() => dispatch({ type: 'removeRow', list: 'mounts', index })} />
          </div>
        );
      })}
      <div className="run-actions">
        <button type="button" onClick={() => dispatch({ type: 'addRow', list: 'mounts' })}>
          Add mount
        </button>
      </div>
    </fieldset>
  );
}
