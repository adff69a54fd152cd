import { useMemo, useState } from 'react';
import { useDefaultEngineId, useEngineViews } from '../../app/useEngineViews.js';
import type { EngineView } from '../../stores/engineViews.js';

export interface RunEngine {
  /** Where the form checks, pulls and creates: the chosen engine, else the default; undefined while none is known (requests then name none). */
  engineId: string | undefined;
  /** The engines to choose from, when there is a choice to make (several connected); empty otherwise. */
  choices: EngineView[];
  choose: (engineId: string) => void;
}

/**
 * Which engine the Run form runs on. `initial` comes from the address (`#/run?engine=ID`, e.g.
 * from an image's row); without it, the default engine. The choice is offered once more than
 * one engine is connected (an engine named by the address is offered whatever its state, so the
 * form never silently runs elsewhere).
 */
export function useRunEngine(initial: string | null): RunEngine {
  const views = useEngineViews();
  const defaultEngineId = useDefaultEngineId();
  const [chosen, setChosen] = useState<string | null>(initial);
  const engineId = chosen ?? defaultEngineId ?? undefined;
  const choices = useMemo(() => {
    const offered = views.filter((view) => view.state === 'connected' || view.engineId === engineId);
    const connected = offered.filter((view) => view.state === 'connected');
    return connected.length > 1 || (engineId !== undefined && connected.every((view) => view.engineId !== engineId) && connected.length > 0) ? offered : [];
  }, [views, engineId]);
  return { engineId, choices, choose: setChosen };
}
