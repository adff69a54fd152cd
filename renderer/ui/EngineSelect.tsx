import type { EngineView } from '../stores/engineViews.js';
import { Field } from './Field.js';

interface EngineSelectProps {
  /** The engine chosen; undefined shows the first choice. */
  engineId: string | undefined;
  choices: readonly EngineView[];
  onChoose: (engineId: string) => void;
  /** What the choice decides, under the control. */
  hint?: string;
  disabled?: boolean;
}

/**
 * "Engine": which engine a form's work goes to (run, build, pull, prune), each choice named as
 * the Engines page names it, with the default marked and a state other than connected said.
 */
export function EngineSelect({ engineId, choices, onChoose, hint, disabled = false }: EngineSelectProps) {
  return (
    <Field label="Engine" {...(hint === undefined ? {} : { hint })}>
      {(control) => (
        <select {...control} value={engineId ?? ''} onChange={(event) => onChoose(event.target.value)} disabled={disabled}>
          {choices.map((engine) => (
            <option key={engine.engineId} value={engine.engineId}>
              {engine.name}
              {engine.isDefault ? ' (default)' : ''}
              {engine.state === 'connected' ? '' : ` (${engine.state})`}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
