import type { Readable } from 'node:stream';
import { BerthError, type TransferProgress } from '../../api/index.js';
import { checkPullReference } from '../../api/image-reference.js';
import type { EngineClient } from '../../engine/client/engine-client.js';
import { pullArguments } from '../../engine/pull-arguments.js';
import { followTransfer, type TransferOptions } from './transfer.js';

/**
 * Pulls one image, handing coalesced progress to `onProgress` (transfer.ts). The one pull of
 * the backend: the `images.pull` stream and create's "pull when missing" both use it. The
 * engine tags the image only once every layer is in, so a pull aborted through `signal` (or one
 * that fails) leaves no tag behind.
 */
export async function pullImage(
  client: EngineClient,
  reference: string,
  onProgress: (progress: TransferProgress) => void,
  signal?: AbortSignal,
  options?: TransferOptions,
): Promise<void> {
  const check = checkPullReference(reference);
  if (!check.ok || check.reference === null) {
    throw new BerthError('invalid_argument', `reference: ${check.ok ? 'is an image id' : check.reason}`, { field: 'reference' });
  }
  let stream: Readable;
  try {
    stream = await client.images.pull(pullArguments(check.reference), signal);
  } catch (error) {
    // The engine answers an unknown tag or repository with 404 (not_found, its own words). A
    // registry it cannot reach or that refuses it (connection refused, no credentials) is its
    // internal error, 500, before any progress: the image cannot be had from where the
    // reference points.
    const status = error instanceof BerthError && typeof error.details?.status === 'number' ? error.details.status : 0;
    if (status < 500) throw error;
    // For a streamed answer the engine's words come after dockerode's own prefix.
    const words = (error as BerthError).message.replace(/^\(HTTP code \d+\) [^-]*- /, '').trim();
    throw new BerthError('not_found', words || (error as BerthError).message, { status, field: 'reference' });
  }
  await followTransfer(client, stream, 'pull', `pull of ${reference}`, onProgress, options);
}
