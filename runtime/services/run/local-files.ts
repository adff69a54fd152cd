import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BerthError, type EnvVar } from '../../api/index.js';

/**
 * The files a pasted command names (`--env-file`, `--label-file`, a seccomp profile), read on
 * the machine Berth's backend runs on, as the docker CLI reads them on its own. Every problem
 * names the flag and the path as Berth resolved it, never the file's content.
 */

export interface LocalFiles {
  /** The file's text; throws an Error whose message says why not. */
  readText(file: string): string;
}

/** Files bigger than this are not what these flags read; refusing them keeps a mistake (a disk image) from stalling the backend. */
const maxBytes = 1024 * 1024;

export const nodeFiles: LocalFiles = {
  readText(file) {
    const fd = openSync(file, 'r');
    try {
      const stats = fstatSync(fd);
      const size = stats.size;
      if (!stats.isFile()) throw new Error('not a regular file');
      if (size > maxBytes) throw new Error(`larger than ${maxBytes / 1024} KiB`);
      const buffer = Buffer.alloc(size);
      const read = readSync(fd, buffer, 0, size, 0);
      return buffer.subarray(0, read).toString('utf8');
    } finally {
      closeSync(fd);
    }
  },
};

function fileError(spelled: string, file: string, reason: string): BerthError {
  return new BerthError('invalid_argument', `${spelled} ${file}: ${reason}.`, { field: 'command' });
}

/** `~/x` as the shell would have expanded it; a relative path is refused (relative to what, on this machine?). */
export function resolveLocalPath(file: string, spelled: string): string {
  const expanded = file === '~' || file.startsWith('~/') ? path.join(os.homedir(), file.slice(1)) : file;
  if (!path.isAbsolute(expanded)) {
    throw fileError(spelled, file, 'must be an absolute path on the machine Berth runs on (a relative path depends on a directory Berth cannot know)');
  }
  return path.normalize(expanded);
}

function readLocal(files: LocalFiles, file: string, spelled: string): { resolved: string; text: string } {
  const resolved = resolveLocalPath(file, spelled);
  try {
    return { resolved, text: files.readText(resolved) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw fileError(spelled, resolved, `cannot be read on the machine Berth runs on: ${reason}`);
  }
}

interface FileLine {
  number: number;
  key: string;
  value: string | undefined;
}

/** The docker CLI's key-value file: `#` comments and blank lines skipped, leading space trimmed, a UTF-8 BOM ignored. */
function readKeyValueLines(text: string, resolved: string, spelled: string): FileLine[] {
  const lines: FileLine[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = raw.replace(/^\s+/, '');
      if (line === '' || line.startsWith('#')) return;
      const eq = line.indexOf('=');
      const key = eq < 0 ? line : line.slice(0, eq);
      if (key === '') throw fileError(spelled, resolved, `line ${index + 1} has no variable name`);
      if (/[ \t]/.test(key)) throw fileError(spelled, resolved, `line ${index + 1}: '${key}' contains whitespaces`);
      lines.push({ number: index + 1, key, value: eq < 0 ? undefined : line.slice(eq + 1) });
    });
  return lines;
}

/**
 * `--env-file`: its variables, in order. A line with a name alone takes its value from the
 * shell running the CLI, which Berth does not have: it is left out, as the CLI leaves out an
 * unset one, and a warning says so.
 */
export function readEnvFile(files: LocalFiles, file: string, spelled: string, warnings: string[]): EnvVar[] {
  const { resolved, text } = readLocal(files, file, spelled);
  const variables: EnvVar[] = [];
  for (const line of readKeyValueLines(text, resolved, spelled)) {
    if (line.value === undefined) warnings.push(`${spelled} ${resolved}: ${line.key} (line ${line.number}) takes its value from the shell that runs the command; Berth has none, so it is left out.`);
    else variables.push({ key: line.key, value: line.value });
  }
  return variables;
}

/** `--label-file`: its labels; a line without `=` is skipped, as the CLI skips it. */
export function readLabelFile(files: LocalFiles, file: string, spelled: string, warnings: string[]): Record<string, string> {
  const { resolved, text } = readLocal(files, file, spelled);
  const entries: [string, string][] = [];
  for (const line of readKeyValueLines(text, resolved, spelled)) {
    if (line.value === undefined) warnings.push(`${spelled} ${resolved}: line ${line.number} ("${line.key}") has no "=", so the CLI skips it, and so does Berth.`);
    else entries.push([line.key, line.value]);
  }
  return Object.fromEntries(entries);
}

/** `--security-opt seccomp=FILE`: the profile's JSON, compacted, as the CLI sends it. */
export function readSeccompProfile(files: LocalFiles, file: string, spelled: string): string {
  const { resolved, text } = readLocal(files, file, spelled);
  try {
    JSON.parse(text);
  } catch (error) {
    throw fileError(spelled, resolved, `is not a JSON seccomp profile (${(error as Error).message})`);
  }
  return compactJson(text);
}

/** Go's `json.Compact`: the same JSON without the white space between tokens; strings, numbers and key order untouched. */
export function compactJson(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (inString) {
      out += char;
      if (char === '\\') {
        out += text[i + 1] ?? '';
        i += 1;
      } else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (!/\s/.test(char)) out += char;
  }
  return out;
}
