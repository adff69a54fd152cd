import type { PortRow, Protocol } from '../model/runDraft.js';
import { CheckboxField, RemoveRowButton, SelectField, TextField, type Choice } from './controls.js';
import { useRunForm } from './runFormContext.js';

const protocols: Choice<Protocol>[] = [
  { value: 'tcp', label: 'tcp' },
  { value: 'udp', label: 'udp' },
  { value: 'sctp', label: 'sctp' },
];

export function PortsSection({ ports, publishAll }: { ports: PortRow[]; publishAll: boolean }) {
  const { dispatch } = useRunForm();
  return (
    <fieldset className="run-section">
      <legend>Ports</legend>
      <CheckboxField
        field="publishAll"
        checked={publishAll}
        hint="Every port the image exposes, each on a random host port (-P)."
        onChange={(value) => dispatch({ type: 'set', key: 'publishAll', value })}
      />
      {ports.map((row, index) => {
        const update = (patch: Partial<Omit<PortRow, 'rowId'>>) => dispatch({ type: 'updateRow', list: 'ports', index, patch });
        return (
          <div key={row.rowId} className="run-row">
            <TextField field={`ports.${index}.hostIp`} value={row.hostIp} placeholder="all addresses" onChange={(hostIp) => update({ hostIp })} />
            <TextField field={`ports.${index}.hostPort`} value={row.hostPort} inputMode="numeric" placeholder="random" onChange={(hostPort) => update({ hostPort })} />
            <TextField
              field={`ports.${index}.containerPort`}
              value={row.containerPort}
              inputMode="numeric"
              placeholder="80"
              onChange={(containerPort) => update({ containerPort })}
            />
            <SelectField field={`ports.${index}.protocol`} value={row.protocol} choices={protocols} onChange={(protocol) => update({ protocol })} />
            <RemoveRowButton noun="port" index={index} onRemove={() => dispatch({ type: 'removeRow', list: 'ports', index })} />
          </div>
        );
      })}
      <div className="run-actions">
        <button type="button" onClick={() => dispatch({ type: 'addRow', list: 'ports' })}>
          Add port
        </button>
      </div>
    </fieldset>
  );
}
