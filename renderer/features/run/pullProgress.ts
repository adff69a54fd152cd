import { BerthError, type BerthClient, type TransferProgress } from '../../../runtime/api/index.js';
import { applyTransferProgress, startTransfer, type TransferView } from '../../stores/transferView.js';

/** What the Run form's pull has said so far (the same model as a task's: stores/transferView.ts). */
export type PullState = TransferView;

export function startPull(reference: string): PullState {
  return startTransfer('pull', reference);
}

export const applyPullProgress = applyTransferProgress;

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
  onProgress: (event: TransferProgress) => void,
  platform?: string,
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
      platform === undefined ? { reference } : { reference, platform },
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
