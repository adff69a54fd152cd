import { useState } from 'react';
import { effectiveEngineFilter, useDefaultEngineId, type EngineTags } from '../../app/useEngineViews.js';
import { PruneButton } from '../../ui/PruneButton.js';
import { PruneImagesDialog } from './PruneImagesDialog.js';
import { usePruneImages } from './usePruneImages.js';

interface PruneImagesButtonProps {
  engines: EngineTags;
  /** The engine the page shows, or null for all: the dialog starts on it, else on the default engine. */
  engineFilter: string | null;
}

/** **Prune…** on the Images page: the dialog with its preview, then what the engine reclaimed, said once. */
export function PruneImagesButton({ engines, engineFilter }: PruneImagesButtonProps) {
  const defaultEngineId = useDefaultEngineId();
  const engineId = effectiveEngineFilter(engineFilter, engines) ?? defaultEngineId;
  const { isBusy, outcome, prune } = usePruneImages();
  const [isAsking, setAsking] = useState(false);
  return (
    <>
      <PruneButton isBusy={isBusy} isDisabled={engineId === null} outcome={outcome} onOpen={() => setAsking(true)} />
      {isAsking && engineId !== null && (
        <PruneImagesDialog
          engineId={engineId}
          engines={engines}
          onClose={() => setAsking(false)}
          onPrune={(request, preview) => prune(request, { images: new Set(preview.images.map((image) => image.id)), intermediate: new Set(preview.intermediateIds) })}
        />
      )}
    </>
  );
}
