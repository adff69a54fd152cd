import { BerthError, type BerthClient, type PullProgress } from '../../../runtime/api/index.js';

/** What a pull has said so far: one line per layer (in order of first mention), and the last overall message. */
export interface PullState {
  reference: string;
  layers: LayerProgress[];
  message: string;
}

export interface LayerProgress {
  id: string;
  status: string;
  /** Both present only when the engine sends byte counts (Docker does, Podman does not). */
  current?: number;
  total?: number;
}

export function startPull(reference: string): PullState {
  return { reference, layers: [], message: 'Starting the pull' };
}

export function applyPullProgress(state: PullState, event: PullProgress): PullState {
  if (event.layer === null) return { ...state, message: event.status };
  const next: LayerProgress = { id: event.layer, status: event.status };
  // A status without counts (e.g. "Pull complete") ends the bar rather than freezing it mid-way.
  if (event.total !== undefined && event.total > 0) {
    next.current = Math.min(event.current ?? 0, event.total);
    next.total = event.total;
  }
  const index = state.layers.findIndex((layer) => layer.id === event.layer);
  const layers = index === -1 ? [...state.layers, next] : state.layers.map((layer, i) => (i === index ? next : layer));
  return { ...state, layers };
}

/**
 * Pulls through the `images.pull` stream of one engine (undefined: the default); resolves when
 * the stream ends (the image is present). Aborting `signal` disposes the subscription, which
 * makes the host abort the engine's pull.
 */
export function pullImage(
  client: BerthClient,
  engineId: string | undefined,
  reference: string,
  signal: AbortSignal,
  onProgress: (event: PullProgress) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new BerthError('cancelled', 'The pull was cancelled.'));
      return;
    }
    const onAbort = () => {
      subscription.dispose();
      reject(new BerthError('cancelled', 'The pull was cancelled.'));
    };
    const subscription = client.subscribe(
      'images.pull',
      { reference },
      {
        onEvent: onProgress,
        onEnd: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
        onError: (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      },
      { engine: engineId },
    );
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
