/**
 * Image references by the grammar of the distribution project (what the engine and the docker
 * CLI accept): `[host[:port]/]path[:tag][@digest]`, lowercase path components, or an image id.
 * Checked before anything is sent so a form can name the problem precisely, and normalised
 * the way the CLI resolves short names, so that `busybox` and `docker.io/library/busybox:latest`
 * are known to be one image.
 */

const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainPattern = new RegExp(`^(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const pathComponentPattern = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^[\w][\w.-]{0,127}$/;
const digestPattern = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const imageIdPattern = /^(?:sha256:)?[a-f0-9]{64}$/;
/** A short id as the CLI prints it (12 digits) or longer: a local image may be named by it. */
const imageIdPrefixPattern = /^(?:sha256:)?[a-f0-9]{12,64}$/;
const nameMaxLength = 255;

export interface ImageReference {
  /** Registry host and port, when the reference names one. */
  domain?: string;
  /** Repository path without the domain, e.g. `library/busybox` is written `busybox`. */
  path: string;
  tag?: string;
  digest?: string;
}

export type ReferenceCheck = { ok: true; reference: ImageReference | null } | { ok: false; reason: string };

/**
 * Checks a reference; `reference` is null for an image id (nothing to pull). The reason reads
 * after the field name, e.g. `image: repository name must be lowercase`.
 */
export function checkImageReference(text: string): ReferenceCheck {
  if (text === '') return { ok: false, reason: 'is required' };
  if (isImageId(text)) return { ok: true, reference: null };
  if (/\s/.test(text)) return { ok: false, reason: `"${text}" is not a valid image reference: it contains white space` };

  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestPattern.test(digest)) return { ok: false, reason: `"${text}" has an invalid digest (expected e.g. sha256: followed by at least 32 hex digits)` };
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!tagPattern.test(tag)) return { ok: false, reason: `"${text}" has an invalid tag "${tag}" (letters, digits, _ . -, at most 128, not starting with . or -)` };
  }
  if (rest === '') return { ok: false, reason: `"${text}" has no repository name` };
  if (rest.length > nameMaxLength) return { ok: false, reason: `repository name must not be longer than ${nameMaxLength} characters` };

  const { domain, path } = splitDomain(rest);
  if (domain !== undefined && !domainPattern.test(domain)) return { ok: false, reason: `"${domain}" is not a valid registry host` };
  for (const component of path.split('/')) {
    if (pathComponentPattern.test(component)) continue;
    if (pathComponentPattern.test(component.toLowerCase())) return { ok: false, reason: `repository name "${path}" must be lowercase` };
    return {
      ok: false,
      reason: `"${text}" is not a valid image reference: "${component}" must be lowercase letters and digits separated by ".", "_", "__" or "-"`,
    };
  }
  return { ok: true, reference: { ...(domain === undefined ? {} : { domain }), path, ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) } };
}

/** The first component is a registry when it looks like a host: has `.` or `:`, is `localhost`, or has capitals (as the CLI decides). */
function splitDomain(name: string): { domain?: string; path: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { path: name };
  const first = name.slice(0, slash);
  const isDomain = first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first;
  return isDomain ? { domain: first, path: name.slice(slash + 1) } : { path: name };
}

/** A full image id (64 hex digits, `sha256:` optional): names a local image, nothing to pull. */
export function isImageId(text: string): boolean {
  return imageIdPattern.test(text);
}

/**
 * Text the engine may take as an id, or a unique prefix of one, of a local image. Such text can
 * also be a repository name (`deadbeefcafe`): the engine tries the local id first.
 */
export function couldBeImageIdPrefix(text: string): boolean {
  return imageIdPrefixPattern.test(text);
}

/** Where a reference without a registry is pulled from, and the path prefix of its official images. */
const defaultDomain = 'docker.io';
const officialPrefix = 'library/';

/**
 * The full name the CLI resolves a reference to: registry `docker.io` when none is named (also
 * for the legacy `index.docker.io`), `library/` before a one-component Docker Hub path, tag
 * `latest` when neither tag nor digest is given: `busybox` -> `docker.io/library/busybox:latest`.
 * Two references name the same image exactly when these agree. Null for an image id or text
 * that is not a reference.
 */
export function normalizeImageReference(text: string): string | null {
  const check = checkImageReference(text);
  if (!check.ok || check.reference === null) return null;
  const { tag, digest } = check.reference;
  const domain = check.reference.domain === undefined || check.reference.domain === 'index.docker.io' ? defaultDomain : check.reference.domain;
  const path = domain === defaultDomain && !check.reference.path.includes('/') ? officialPrefix + check.reference.path : check.reference.path;
  const version = `${tag === undefined ? '' : `:${tag}`}${digest === undefined ? '' : `@${digest}`}`;
  return `${domain}/${path}${version === '' ? ':latest' : version}`;
}

/**
 * A reference a pull can fetch: a name with an optional tag and/or digest, not an image id.
 * The reason reads after the field name, as checkImageReference's does.
 */
export function checkPullReference(text: string): ReferenceCheck {
  const check = checkImageReference(text);
  if (check.ok && check.reference === null) return { ok: false, reason: `${text} is an image id; only a name can be pulled` };
  return check.ok ? refuseCapitalFirstComponent(check) : check;
}

/**
 * A first component with capitals but no `.` or `:` (`Team/app`) parses as a registry host,
 * and the engine then refuses it (`repository name must be lowercase`), as `docker tag` and
 * `docker pull` show: refused here in the same words.
 */
function refuseCapitalFirstComponent(check: ReferenceCheck & { ok: true }): ReferenceCheck {
  const domain = check.reference?.domain;
  if (domain === undefined || /[.:]/.test(domain) || domain === 'localhost' || domain.startsWith('[')) return check;
  return { ok: false, reason: `repository name "${domain}/${check.reference?.path ?? ''}" must be lowercase` };
}

/**
 * The target of `docker tag` (and what `docker push` takes): `[host[:port]/]path[:tag]`, checked
 * as the CLI checks it: lowercase path components, the tag grammar, no digest (a digest names
 * content, it cannot be given to other content), and not 64 hex digits (that is an id).
 */
export function checkTagTarget(text: string): ReferenceCheck {
  if (isImageId(text) || /^[a-f0-9]{64}(?::|$)/.test(text)) return { ok: false, reason: `"${text}" looks like an image id (64 hex digits), which cannot be a repository name` };
  const check = checkImageReference(text);
  if (!check.ok) return check;
  if (check.reference?.digest !== undefined) return { ok: false, reason: `"${text}" has a digest; a tag is a name and an optional :tag, without @sha256:...` };
  return refuseCapitalFirstComponent(check);
}

/**
 * `name:tag` of a checked reference as the engine's tag and push endpoints take it apart:
 * the repository (with its registry host) and the tag (`latest` when none is given, as the CLI does).
 */
export function repositoryAndTag(reference: ImageReference): { repository: string; tag: string } {
  return { repository: reference.domain === undefined ? reference.path : `${reference.domain}/${reference.path}`, tag: reference.tag ?? 'latest' };
}

/**
 * The registry a repository name (`127.0.0.1:5000/team/app`, `busybox`) is pulled from and
 * pushed to, split as the docker CLI splits it: its first component when that is a host,
 * otherwise Docker Hub (`docker.io`).
 */
export function registryOfRepository(repository: string): string {
  const { domain } = splitDomain(repository);
  return domain === undefined || domain === 'index.docker.io' ? defaultDomain : domain;
}
