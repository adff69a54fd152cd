import { useId } from 'react';
import { describeBytes } from './model/units.js';
import type { LayerProgress, PullState } from './pullProgress.js';

/** The pull before create: one line per layer, a bar where the engine gives byte totals. */
export function PullProgressView({ pull, onCancel }: { pull: PullState; onCancel: () => void }) {
  const titleId = useId();
  return (
    <section className="run-pull" aria-labelledby={titleId}>
      <h2 id={titleId}>Pulling {pull.reference}</h2>
      <p role="status">{pull.message}</p>
      {pull.layers.length > 0 && (
        <ul className="run-layers">
          {pull.layers.map((layer) => (
            <LayerLine key={layer.id} layer={layer} />
          ))}
        </ul>
      )}
      <button type="button" onClick={onCancel}>
        Cancel pull
      </button>
    </section>
  );
}

function LayerLine({ layer }: { layer: LayerProgress }) {
  const hasTotal = layer.total !== undefined && layer.current !== undefined;
  return (
    <li>
      <span className="run-mono">{layer.id}</span> {layer.status}
      {hasTotal && (
        <>
          {' '}
          <progress aria-label={`Layer ${layer.id}`} value={layer.current} max={layer.total} />{' '}
          <span className="run-bytes">
            {describeBytes(layer.current ?? 0)} of {describeBytes(layer.total ?? 0)}
          </span>
        </>
      )}
    </li>
  );
}
