import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** index.html must not be cached: it names the hashed assets of this build. */
  cacheable: boolean;
}

/**
 * Resolves a URL path to a file of the renderer build, and nothing outside it. Paths without
 * an extension fall back to index.html (client-side routes); others are 404 (null).
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const resolvedRoot = path.resolve(root);
  const candidate = path.resolve(resolvedRoot, '.' + path.posix.normalize('/' + decoded));
  if (candidate !== resolvedRoot && !candidate.startsWith(resolvedRoot + path.sep)) return null;
  const extension = path.extname(candidate);
  const file = extension === '' ? path.join(resolvedRoot, 'index.html') : candidate;
  try {
    if (!(await stat(file)).isFile()) return null;
    const type = contentTypes[path.extname(file)];
    if (!type) return null;
    return { body: await readFile(file), contentType: type, cacheable: !file.endsWith('index.html') };
  } catch {
    return null;
  }
}
