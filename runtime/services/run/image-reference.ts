/**
 * Image references by the grammar of the distribution project (what the engine and the CLI
 * accept): `[host[:port]/]path[:tag][@digest]`, lowercase path components, or an image id.
 * Checked before anything is sent so the form can name the problem precisely.
 */

const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainPattern = new RegExp(`^(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const pathComponentPattern = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^[\w][\w.-]{0,127}$/;
const digestPattern = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const imageIdPattern = /^(?:sha256:)?[a-f0-9]{64}$/;
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
  if (imageIdPattern.test(text)) return { ok: true, reference: null };
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

/** What the engine's pull endpoint wants: `fromImage` and `tag` (a digest goes in `tag`; absent tag means `latest`, never "all tags"). */
export function pullArguments(reference: ImageReference): { fromImage: string; tag: string } {
  const fromImage = reference.domain === undefined ? reference.path : `${reference.domain}/${reference.path}`;
  return { fromImage, tag: reference.digest ?? reference.tag ?? 'latest' };
}
