import type { LayerProgress, TransferProgress } from '../../runtime/api/index.js';

/**
 * What a pull or push has said so far, merged from its coalesced events (runtime/api/
 * image-transfer.ts): every layer in the order the engine first named it, and the latest
 * totals. Pure; the tasks slice and the Run form's pull keep one each.
 */
export interface TransferView {
  kind: 'pull' | 'push';
  reference: string;
  layers: LayerProgress[];
  /** The latest event's totals; null before the first. */
  overall: Omit<TransferProgress, 'type' | 'layers'> | null;
}

export function startTransfer(kind: 'pull' | 'push', reference: string): TransferView {
  return { kind, reference, layers: [], overall: null };
}

/** The view after one event: changed layers replaced in place, new ones appended. */
export function applyTransferProgress(view: TransferView, event: TransferProgress): TransferView {
  const { type: _type, layers: changed, ...overall } = event;
  let layers = view.layers;
  if (changed.length > 0) {
    const byId = new Map(changed.map((layer) => [layer.id, layer]));
    layers = view.layers.map((layer) => {
      const next = byId.get(layer.id);
      if (next === undefined) return layer;
      byId.delete(layer.id);
      return next;
    });
    layers.push(...byId.values());
  }
  return { ...view, layers, overall };
}

/** Words for a layer's state, as the progress lists show them. */
export const layerStateText: Record<LayerProgress['state'], string> = {
  waiting: 'Waiting',
  downloading: 'Downloading',
  pushing: 'Pushing',
  verifying: 'Verifying',
  downloaded: 'Downloaded',
  extracting: 'Extracting',
  complete: 'Complete',
  exists: 'Already exists',
};

/** `1:05`, `42 s`: a time left, for the progress line. */
export function describeSecondsLeft(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
