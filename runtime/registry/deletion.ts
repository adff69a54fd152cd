import { BerthError } from '../api/index.js';
import { registryErrorCodes, registryErrorText } from './errors.js';
import { fetchManifest } from './manifest.js';
import { checkRepository, checkTag, repositoryScope } from './names.js';
import { refusalOf } from './refusal.js';
import type { RegistrySession } from './session.js';

/**
 * Deleting a tag the way the distribution API allows: its manifest is deleted by digest
 * (`DELETE /v2/<name>/manifests/<digest>`), which removes every tag that points at the same
 * manifest. Nothing is pulled; the blobs stay until the registry's garbage collection.
 */

export interface DeletedTag {
  repository: string;
  tag: string;
  /** The manifest that was deleted, with every tag pointing at it. */
  digest: string;
}

export async function deleteTag(session: RegistrySession, repository: string, tag: string, signal?: AbortSignal): Promise<DeletedTag> {
  checkRepository(repository);
  checkTag(tag);
  const { host } = session.endpoint;
  const scope = repositoryScope(repository, ['pull', 'delete']);
  // HEAD names the digest without the body; a registry that leaves the header out gets a GET.
  let digest: string;
  try {
    digest = (await fetchManifest(session, repository, tag, { scope, signal, method: 'HEAD' })).digest;
  } catch (error) {
    if (!(error instanceof BerthError && error.details?.reason === 'malformed_answer')) throw error;
    digest = (await fetchManifest(session, repository, tag, { scope, signal })).digest;
  }
  const what = `Deleting ${repository}:${tag}`;
  const result = await session.call({ method: 'DELETE', path: `/v2/${repository}/manifests/${digest}`, scope, signal });
  const { response } = result;
  if (response.status === 202 || response.status === 200 || response.status === 204) return { repository, tag, digest };
  if (response.status === 405 || registryErrorCodes(response).includes('UNSUPPORTED')) {
    throw new BerthError('conflict', `${host} does not allow deletion (${registryErrorText(response)}): ${repository}:${tag} was left as it is.`, {
      registry: host,
      status: response.status,
      reason: 'deletion_disabled',
    });
  }
  throw refusalOf(session, result, what).error;
}
