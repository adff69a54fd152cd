import './transfers.css';
import { displayByteSize, type LayerProgress } from '../../../runtime/api/index.js';
import { describeSecondsLeft, layerStateText, type TransferView } from '../../stores/transferView.js';

/**
 * A pull's or push's progress: the whole (percent, bytes, speed, time left) unless told not to,
 * and one line per layer with its state and a bar where the engine gives byte counts. The engine's
 * words are rendered as text.
 */
export function TransferProgressView({ transfer, showOverall = true }: { transfer: TransferView; showOverall?: boolean }) {
  return (
    <div className="transfer-progress">
      {showOverall && <OverallLine transfer={transfer} />}
      {transfer.layers.length > 0 && (
        <ul className="transfer-layers" aria-label={`Layers of ${transfer.reference}`}>
          {transfer.layers.map((layer) => (
            <LayerLine key={layer.id} layer={layer} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** The overall bar and its numbers, e.g. `42 % · 12 MiB of 30 MiB · 8 MiB/s · 3 s left · 2 of 5 layers`. */
export function OverallLine({ transfer }: { transfer: TransferView }) {
  const overall = transfer.overall;
  const percent = overall?.percent ?? 0;
  const parts: string[] = [`${percent} %`];
  if (overall !== null) {
    if (overall.bytesTotal > 0) parts.push(`${displayByteSize(overall.bytesDone)} of ${displayByteSize(overall.bytesTotal)}`);
    if (!overall.done && overall.bytesPerSecond !== null && overall.bytesTotal > 0) parts.push(`${displayByteSize(overall.bytesPerSecond)}/s`);
    if (!overall.done && overall.secondsLeft !== null) parts.push(`${describeSecondsLeft(overall.secondsLeft)} left`);
    if (overall.layerCount > 0) parts.push(`${overall.layersDone} of ${overall.layerCount} layers`);
  }
  return (
    <div className="transfer-overall">
      <progress aria-label={`${transfer.kind === 'pull' ? 'Pull' : 'Push'} of ${transfer.reference}`} value={percent} max={100} />
      <span className="transfer-numbers">{parts.join(' · ')}</span>
    </div>
  );
}

function LayerLine({ layer }: { layer: LayerProgress }) {
  const hasBytes = layer.current !== undefined && layer.total !== undefined;
  const isFinished = layer.state === 'complete' || layer.state === 'exists';
  return (
    <li className={`transfer-layer transfer-layer-${layer.state}`} aria-label={`Layer ${layer.id}: ${layerStateText[layer.state]}`}>
      <span className="transfer-layer-id">{layer.id}</span>
      <span className="transfer-layer-state" title={layer.status}>
        {layerStateText[layer.state]}
      </span>
      {hasBytes || isFinished ? (
        <progress aria-label={`Layer ${layer.id}`} value={isFinished ? 1 : layer.current} max={isFinished ? 1 : layer.total} />
      ) : (
        <span />
      )}
      <span className="transfer-layer-bytes">
        {hasBytes ? `${displayByteSize(layer.current ?? 0)} of ${displayByteSize(layer.total ?? 0)}` : layer.status === layerStateText[layer.state] ? '' : layer.status}
      </span>
    </li>
  );
}
