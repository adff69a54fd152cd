import { EngineSelect } from '../../../ui/EngineSelect.js';
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
      <EngineSelect engineId={engineId} choices={choices} onChoose={onChoose} hint="The image is checked, pulled and run on this engine." />
    </fieldset>
  );
}
