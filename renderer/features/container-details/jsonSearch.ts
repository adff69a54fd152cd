import { isSecretKey, maskedText, parseEnv } from './secrets.js';

export interface TextSegment {
  text: string;
  /** Index of the match among all matches, or null for text between matches. */
  matchIndex: number | null;
}

/** The text cut into plain and matching parts (case-insensitive), in order; no query, one part. */
export function splitMatches(text: string, query: string): TextSegment[] {
  if (query === '') return [{ text, matchIndex: null }];
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase();
  const segments: TextSegment[] = [];
  let from = 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    if (at > from) segments.push({ text: text.slice(from, at), matchIndex: null });
    segments.push({ text: text.slice(at, at + needle.length), matchIndex: count++ });
    from = at + needle.length;
  }
  if (from < text.length) segments.push({ text: text.slice(from), matchIndex: null });
  return segments;
}

/**
 * The inspect JSON with secret-looking environment values masked, for showing on screen. The
 * Overview masks them; the Inspect tab must not give them away by default either.
 */
export function maskInspectSecrets(raw: Record<string, unknown>): Record<string, unknown> {
  const config = raw.Config;
  if (typeof config !== 'object' || config === null || !('Env' in config) || !Array.isArray(config.Env)) return raw;
  const env = (config.Env as unknown[]).filter((line): line is string => typeof line === 'string');
  const masked = parseEnv(env).map(({ key, value }) => (value === null ? key : `${key}=${value !== '' && isSecretKey(key) ? maskedText : value}`));
  return { ...raw, Config: { ...config, Env: masked } };
}
