import { Field } from '../../../ui/Field.js';
import type { EngineView } from '../../../stores/engineViews.js';

interface EngineSectionProps {
  engineId: string | undefined;
  choices: readonly EngineView[];
  onChoose: (engineId: string) => void;
}

/** "Engine": where the container is created, when more than one engine could take it. */
export function EngineSection({ engineId, choices, onChoose }: EngineSectionProps) {
  if (choices.length === 0) return null;
  return (
    <fieldset className="run-section">
      <legend>Engine</legend>
      <Field label="Engine" hint="The image is checked, pulled and run on this engine.">
        {(control) => (
          <select {...control} value={engineId ?? ''} onChange={(event) => onChoose(event.target.value)}>
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
    </fieldset>
  );
}
