import { BerthError } from '../api/index.js';

/**
 * Repository names, tags and digests as the distribution spec allows them, checked before
 * they go into a URL path (so a name can never reach another endpoint), and the token scopes
 * built from them.
 */

const repositoryPattern = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const tagPattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const digestPattern = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const sha256Pattern = /^sha256:[a-f0-9]{64}$/;

function invalid(field: string, message: string): BerthError {
  return new BerthError('invalid_argument', `${field}: ${message}`, { field });
}

export function checkRepository(repository: string): string {
  if (repository === '') throw invalid('repository', 'is required');
  if (repository.length > 255) throw invalid('repository', 'must be at most 255 characters');
  if (!repositoryPattern.test(repository)) {
    const lowercase = repositoryPattern.test(repository.toLowerCase());
    throw invalid('repository', lowercase ? `"${repository}" must be lowercase` : `"${repository}" is not a repository name (lowercase letters and digits separated by ".", "_", "__", "-" or "/")`);
  }
  return repository;
}

export function isDigest(reference: string): boolean {
  return digestPattern.test(reference);
}

export function checkTag(tag: string): string {
  if (tag === '') throw invalid('tag', 'is required');
  if (!tagPattern.test(tag)) throw invalid('tag', `"${tag}" is not a tag (letters, digits, _ . -, at most 128, not starting with . or -)`);
  return tag;
}

/** A tag or a digest (`sha256:` and 64 hex digits). */
export function checkReference(reference: string): string {
  if (reference === '') throw invalid('reference', 'is required (a tag or a digest)');
  if (reference.includes(':')) {
    if (!isDigest(reference)) throw invalid('reference', `"${reference}" is neither a tag nor a digest (sha256: followed by 64 hex digits)`);
    if (reference.startsWith('sha256:') && !sha256Pattern.test(reference)) throw invalid('reference', `"${reference}" is not a sha256 digest (64 lowercase hex digits)`);
    return reference;
  }
  if (!tagPattern.test(reference)) throw invalid('reference', `"${reference}" is not a tag (letters, digits, _ . -, at most 128, not starting with . or -)`);
  return reference;
}

/** The token scope for actions on a repository: `repository:seed/bb:pull`. */
export function repositoryScope(repository: string, actions: readonly string[]): string {
  return `repository:${repository}:${actions.join(',')}`;
}

export const catalogScope = 'registry:catalog:*';
