import type { EnvVar } from '../../../../runtime/api/index.js';

/**
 * `.env` files as people write them: `KEY=VALUE` lines, `#` comments, blank lines, an optional
 * `export ` prefix, and values optionally in single or double quotes. An unquoted value is
 * kept as written (even with `#` in it), like the docker CLI's `--env-file`, because passwords
 * and URLs contain `#` far more often than anyone writes a trailing comment.
 */

export interface DotenvError {
  /** 1-based, as editors number lines. */
  line: number;
  message: string;
}

export interface DotenvResult {
  vars: EnvVar[];
  errors: DotenvError[];
}

export function parseDotenv(text: string): DotenvResult {
  const vars: EnvVar[] = [];
  const errors: DotenvError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const parsed = parseLine(raw);
    if (parsed === null) return;
    if ('message' in parsed) errors.push({ line: index + 1, message: parsed.message });
    else vars.push(parsed);
  });
  return { vars, errors };
}

type LineResult = EnvVar | { message: string } | null;

function parseLine(raw: string): LineResult {
  const line = raw.trim().replace(/^export\s+/, '');
  if (line === '' || line.startsWith('#')) return null;
  const equals = line.indexOf('=');
  if (equals === -1) return { message: 'expected KEY=VALUE' };
  const key = line.slice(0, equals).trim();
  if (key === '') return { message: 'the key before = is empty' };
  if (/\s/.test(key)) return { message: `the key "${key}" contains a space` };
  const value = parseValue(line.slice(equals + 1).trim());
  return typeof value === 'string' ? { key, value } : value;
}

function parseValue(text: string): string | { message: string } {
  const quote = text.charAt(0);
  if (quote !== '"' && quote !== "'") return text;
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === quote) {
      const rest = text.slice(i + 1).trim();
      if (rest !== '' && !rest.startsWith('#')) return { message: `unexpected text after the closing ${quote}` };
      return value;
    }
    // Only double quotes know escapes, as in the shell: \n, \" and \\.
    if (quote === '"' && char === '\\' && i + 1 < text.length) {
      const next = text.charAt(++i);
      value += next === 'n' ? '\n' : next === quote || next === '\\' ? next : `\\${next}`;
    } else value += char;
  }
  return { message: `the value has no closing ${quote}` };
}
