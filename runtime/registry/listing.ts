import { BerthError } from '../api/index.js';
import { malformed, registryErrorText, registryRefusal } from './errors.js';
import { catalogScope, checkRepository, repositoryScope } from './names.js';
import { continuation, nextLink, pageFrom, pagePath } from './paging.js';
import { refusalOf } from './refusal.js';
import type { RegistrySession } from './session.js';

/**
 * The registry's repositories (`/v2/_catalog`) and a repository's tags (`/v2/<name>/tags/list`),
 * one page per call, so a view can show the first page at once and fetch more only as needed.
 */

export const defaultPageSize = 100;
/** Distribution answers at most 1000 entries a page; asking for more is refused by some registries. */
export const maxPageSize = 1000;

export interface PageOptions {
  /** Where to continue: the `next` of the previous page; absent for the first page. */
  cursor?: string | null | undefined;
  /** Entries per page, 1-1000 (100 when absent); a cursor keeps the size it was made with. */
  pageSize?: number | undefined;
  signal?: AbortSignal | undefined;
}

export type CatalogPage =
  | {
      kind: 'page';
      repositories: string[];
      /** The cursor of the next page, or null on the last. */
      next: string | null;
    }
  | {
      /** The registry does not offer its catalog (many disable it): the user must type a repository name. */
      kind: 'unavailable';
      status: number;
      message: string;
    };

export interface TagsPage {
  repository: string;
  tags: string[];
  next: string | null;
}

function pageSizeOf(options: PageOptions): number {
  const size = options.pageSize ?? defaultPageSize;
  if (!Number.isInteger(size) || size < 1 || size > maxPageSize) {
    throw new BerthError('invalid_argument', `pageSize: must be a whole number from 1 to ${maxPageSize}`, { field: 'pageSize' });
  }
  return size;
}

function checkedCursor(cursor: string | null | undefined, listPath: string, origin: string): string | null {
  if (cursor === undefined || cursor === null || cursor === '') return null;
  const path = continuation(cursor, origin, listPath);
  if (path === null) throw new BerthError('invalid_argument', `cursor: does not continue ${listPath} (pass the "next" of the previous page)`, { field: 'cursor' });
  return path;
}

function stringList(body: Buffer, field: string): string[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const list = (parsed as Record<string, unknown>)[field];
  // A repository without tags may say `"tags": null`.
  if (list === null || list === undefined) return [];
  return Array.isArray(list) && list.every((item) => typeof item === 'string') ? list : null;
}

async function fetchPage(session: RegistrySession, listPath: string, scope: string, field: string, what: string, options: PageOptions) {
  const { origin, host } = session.endpoint;
  const path = pagePath(listPath, checkedCursor(options.cursor, listPath, origin), pageSizeOf(options));
  const result = await session.call({ method: 'GET', path, scope, headers: { Accept: 'application/json' }, signal: options.signal, maxBodyBytes: 16 * 1024 * 1024 });
  const { response } = result;
  if (response.status !== 200) return { result, page: null };
  const items = stringList(response.body, field);
  if (items === null) throw malformed(host, what, `no "${field}" list`);
  const link = nextLink(response.headers.link ?? []);
  const next = link === null ? null : continuation(link, origin, listPath);
  if (link !== null && next === null) throw malformed(host, what, `its next-page link leaves ${listPath}`);
  return { result, page: pageFrom(items, next, path, listPath) };
}

/** A page of repository names; `unavailable` when the registry refuses its catalog (401, 403, 404). */
export async function catalogPage(session: RegistrySession, options: PageOptions = {}): Promise<CatalogPage> {
  const { result, page } = await fetchPage(session, '/v2/_catalog', catalogScope, 'repositories', 'The catalog', options);
  if (page !== null) return { kind: 'page', repositories: page.items, next: page.next };
  const { status } = result.response;
  if (status === 401 || status === 403 || status === 404) {
    // A sign-in problem is said as such (the handshake says so too); any other refusal is the catalog being off.
    const refusal = refusalOf(session, result, 'The catalog');
    if (refusal.reason === 'wrong_credentials' || (refusal.reason === 'needs_credentials' && result.challenge?.scheme === 'basic')) throw refusal.error;
    const anonymous = status === 401 && !result.usedCredentials;
    return {
      kind: 'unavailable',
      status,
      message: `${session.endpoint.host} does not offer its catalog${anonymous ? ' without signing in' : ''} (${registryErrorText(result.response)}): type a repository name to browse it.`,
    };
  }
  throw registryRefusal(session.endpoint.host, 'The catalog', result.response);
}

/** A page of a repository's tags; `not_found` for a repository the registry does not have. */
export async function tagsPage(session: RegistrySession, repository: string, options: PageOptions = {}): Promise<TagsPage> {
  checkRepository(repository);
  const what = `The tags of ${repository}`;
  const { result, page } = await fetchPage(session, `/v2/${repository}/tags/list`, repositoryScope(repository, ['pull']), 'tags', what, options);
  if (page !== null) return { repository, tags: page.items, next: page.next };
  throw refusalOf(session, result, what).error;
}
