import { useEffect, useState } from 'react';
import type { ImageSummary } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';

export type LocalImages = { state: 'loading' } | { state: 'ready'; images: ImageSummary[] } | { state: 'failed'; message: string };

/**
 * The engine's images, listed once when the form opens: they feed the Image suggestions and
 * the "already on the engine" hint. The Run button lists them again, so this may go stale.
 */
export function useLocalImages(): LocalImages {
  const clientSource = useClientSource();
  // Listed again whenever the engine (re)connects: a list from before a disconnect may be wrong.
  const engineState = useBerth((s) => s.engine.status?.state);
  const [images, setImages] = useState<LocalImages>({ state: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    const client = clientSource();
    if (client === null || engineState === 'unreachable') return;
    client.call('images.list', {}).then(
      (list) => {
        if (isCurrent) setImages({ state: 'ready', images: list });
      },
      (error: unknown) => {
        if (isCurrent) setImages({ state: 'failed', message: toBerthError(error).message });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [clientSource, engineState]);
  return images;
}
