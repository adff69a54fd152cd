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
  options?: TransferOptions & { platform?: string },
): Promise<void> {
  const check = checkPullReference(reference);
  if (!check.ok || check.reference === null) {
    throw new BerthError('invalid_argument', `reference: ${check.ok ? 'is an image id' : check.reason}`, { field: 'reference' });
  }
  let stream: Readable;
  try {
    const platform = options?.platform;
    stream = await client.images.pull(platform === undefined ? pullArguments(check.reference) : { ...pullArguments(check.reference), platform }, signal);
  } catch (error) {
    throw refusalOfReference(error);
  }
  await followTransfer(client, stream, 'pull', `pull of ${reference}`, onProgress, options);
}

/**
 * The engine refusing a pull before any progress. An unknown tag or repository is its 404,
 * `not_found`, as it is. A registry it cannot reach, does not trust or that refuses it
 * (connection refused, a certificate signed by an unknown authority, no credentials) is its
 * internal error, 500, in its own words: `conflict` by the status like any other
 * (codeForStatus), as the same faults are for a push, for nothing there is "not found"; and it
 * names the field, the reference that points there. (A proxy's 502 or 504 is about the engine.)
 */
function refusalOfReference(error: unknown): unknown {
  if (!(error instanceof BerthError) || error.code !== 'conflict' || typeof error.details?.status !== 'number' || error.details.status < 500) return error;
  return new BerthError(error.code, error.message, { ...error.details, field: 'reference' });
}
