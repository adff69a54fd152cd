/**
 * Paged lists of the distribution API (`/v2/_catalog`, `/v2/<name>/tags/list`): `?n=` asks for
 * a page, the `Link: <...>; rel="next"` header of the answer says where the next one is. The
 * next page's path is handed to the caller as an opaque cursor and checked when it comes back,
 * so a cursor can only ever continue the same list. A registry that ignores `n` (distribution
 * 2.8 does for tags) sends everything at once: the page is then cut here, in the spec's lexical
 * order, and the cursor says where to go on.
 */

/** The links of one `Link` header value: each target with its parameters (quoted values may hold `,` and `;`). */
function links(value: string): { target: string; params: string }[] {
  const found: { target: string; params: string }[] = [];
  let position = 0;
  while (position < value.length) {
    const open = value.indexOf('<', position);
    const close = open < 0 ? -1 : value.indexOf('>', open);
    if (close < 0) break;
    let end = close + 1;
    let quoted = false;
    while (end < value.length && (quoted || value[end] !== ',')) {
      if (value[end] === '"') quoted = !quoted;
      end++;
    }
    found.push({ target: value.slice(open + 1, close), params: value.slice(close + 1, end) });
    position = end + 1;
  }
  return found;
}

/** The target of the `rel="next"` link of a `Link` header, or null. */
export function nextLink(values: readonly string[]): string | null {
  for (const { target, params } of values.flatMap(links)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(params);
    if ((rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/).includes('next')) return target;
  }
  return null;
}

/**
 * The path and query of a next link if it continues the list at `listPath` on `origin`
 * (relative or absolute, as registries write it), else null.
 */
export function continuation(link: string, origin: string, listPath: string): string | null {
  let url: URL;
  try {
    url = new URL(link, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || url.pathname !== listPath) return null;
  return `${url.pathname}${url.search}`;
}

/** The path to ask for a page: the cursor as given, or the first page of `n`. */
export function pagePath(listPath: string, cursor: string | null, n: number): string {
  return cursor ?? `${listPath}?n=${n}`;
}

export interface Page {
  items: string[];
  /** Where the next page is (a cursor), or null after the last. */
  next: string | null;
}

/**
 * One page from an answer. With a next link, the answer is the page. Without one, an answer
 * longer than asked for is the whole list: sorted, resumed after the cursor's `last`, and cut
 * at `n`, with a cursor of the same shape when more is left.
 */
export function pageFrom(items: readonly string[], link: string | null, requestPath: string, listPath: string): Page {
  const query = new URL(requestPath, 'http://x').searchParams;
  const n = Number(query.get('n'));
  if (link !== null || !Number.isInteger(n) || n <= 0 || items.length <= n) return { items: [...items], next: link };
  const last = query.get('last');
  const sorted = [...items].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rest = last === null ? sorted : sorted.filter((item) => item > last);
  const page = rest.slice(0, n);
  const lastOnPage = page.at(-1);
  const next = rest.length > n && lastOnPage !== undefined ? `${listPath}?${new URLSearchParams({ n: String(n), last: lastOnPage }).toString()}` : null;
  return { items: page, next };
}
