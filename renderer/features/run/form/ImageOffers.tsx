import { useMemo } from 'react';
import { isImagePresent } from '../model/imageRefs.js';
import { mountRowIndex, offeredMountRow, offeredPortRow, portRowIndex } from '../model/imageOffers.js';
import type { MountRow, PortRow } from '../model/runDraft.js';
import type { LocalImages } from '../useLocalImages.js';
import { useMethodResult } from '../../container-details/useMethodResult.js';
import { useRunForm } from './runFormContext.js';

interface ImageOffersProps {
  image: string;
  images: LocalImages;
  ports: PortRow[];
  mounts: MountRow[];
}

/**
 * For an image on the engine: the ports it exposes, each offered for publishing, and its
 * volumes, each offered as a named volume mount. A tick adds the row to Ports or Mounts below
 * (where it can be changed), unticking removes that row; nothing is added untold.
 */
export function ImageOffers({ image, images, ports, mounts }: ImageOffersProps) {
  const { dispatch, engineId } = useRunForm();
  const reference = image.trim();
  const isLocal = useMemo(() => images.state === 'ready' && reference !== '' && isImagePresent(reference, images.images), [images, reference]);
  const { data } = useMethodResult('images.inspect', isLocal && engineId !== undefined ? { id: reference } : null, { engineId: engineId ?? '' });
  const config = isLocal ? data?.config : undefined;
  if (config === undefined || (config.exposedPorts.length === 0 && config.volumes.length === 0)) return null;
  return (
    <fieldset className="run-section image-offers">
      <legend>Offered by the image</legend>
      {config.exposedPorts.length > 0 && (
        <div role="group" aria-label="Ports the image exposes">
          <p className="field-hint">Ports the image exposes. Ticked, each is published on a random host port (change it under Ports).</p>
          {config.exposedPorts.map((exposed) => {
            const index = portRowIndex(ports, exposed);
            const label = `Publish ${exposed.port}/${exposed.protocol}`;
            return (
              <label key={label} className="check">
                <input
                  type="checkbox"
                  checked={index !== -1}
                  onChange={(event) =>
                    dispatch(event.target.checked ? { type: 'appendRow', list: 'ports', values: offeredPortRow(exposed) } : { type: 'removeRow', list: 'ports', index })
                  }
                />
                {label}
              </label>
            );
          })}
        </div>
      )}
      {config.volumes.length > 0 && (
        <div role="group" aria-label="Volumes the image declares">
          <p className="field-hint">Volumes the image declares. Ticked, each gets a named volume that outlives the container (name it under Mounts); unticked, the engine gives it an anonymous one.</p>
          {config.volumes.map((target) => {
            const index = mountRowIndex(mounts, target);
            const label = `Mount a named volume at ${target}`;
            return (
              <label key={target} className="check">
                <input
                  type="checkbox"
                  checked={index !== -1}
                  onChange={(event) =>
                    dispatch(event.target.checked ? { type: 'appendRow', list: 'mounts', values: offeredMountRow(reference, target) } : { type: 'removeRow', list: 'mounts', index })
                  }
                />
                {label}
              </label>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
