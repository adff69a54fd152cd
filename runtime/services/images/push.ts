import { BerthError, type TransferProgress } from '../../api/index.js';
import { checkTagTarget, repositoryAndTag } from '../../api/image-reference.js';
import type { EngineClient } from '../../engine/client/engine-client.js';
import { followTransfer, type TransferOptions } from './transfer.js';

/**
 * Pushes one local tag to the registry its name starts with, handing coalesced progress to
 * `onProgress`. A tag that is not there is the engine's 404 (`not_found`, "No such image")
 * before anything is sent; the engine would otherwise say so only inside its 200 answer.
 * Pushes without credentials, as the docker CLI does when it has none for the registry.
 */
export async function pushImage(
  client: EngineClient,
  reference: string,
  onProgress: (progress: TransferProgress) => void,
  signal?: AbortSignal,
  options?: TransferOptions,
): Promise<void> {
  const check = checkTagTarget(reference);
  if (!check.ok || check.reference === null) throw new BerthError('invalid_argument', `reference: ${check.ok ? 'is an image id' : check.reason}`, { field: 'reference' });
  const { repository, tag } = repositoryAndTag(check.reference);
  await client.images.inspect(`${repository}:${tag}`, signal);
  const stream = await client.images.push(repository, tag, signal);
  await followTransfer(client, stream, 'push', `push of ${reference}`, onProgress, options);
}

/** `docker tag`: `target` checked as the CLI checks it; a missing source is the engine's 404. */
export async function tagImage(client: EngineClient, source: string, target: string, signal?: AbortSignal): Promise<{ target: string }> {
  const check = checkTagTarget(target);
  if (!check.ok || check.reference === null) throw new BerthError('invalid_argument', `target: ${check.ok ? 'is an image id' : check.reason}`, { field: 'target' });
  try {
    await client.images.tag(source, repositoryAndTag(check.reference), signal);
  } catch (error) {
    if (error instanceof BerthError && error.code === 'not_found') throw new BerthError('not_found', `source: ${error.message}`, { ...error.details, field: 'source' });
    throw error;
  }
  return { target };
}
