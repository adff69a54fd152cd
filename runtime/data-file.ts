import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

/**
 * Berth's own small JSON files in its data directory (`engines.json`, `registries.json`): read
 * through their schema, written atomically (a temporary file, then rename) with mode 0600. A file
 * that does not pass its schema is set aside with the reason, never crashing Berth and never
 * overwritten, and Berth goes on from the empty value.
 */

export interface LoadedDataFile<T> {
  value: T;
  /** Set when the file existed but could not be used; it was moved to `setAsideAs`. */
  problem?: { message: string; setAsideAs: string };
}

export async function loadDataFile<S extends z.ZodType>(file: string, schema: S, empty: z.output<S>, now = new Date()): Promise<LoadedDataFile<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { value: empty };
    throw error;
  }
  let reason: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return { value: parsed.data };
    const issue = parsed.error.issues[0];
    reason = `${issue?.path.join('.') || '(file)'}: ${issue?.message ?? 'invalid'}`;
  } catch (error) {
    reason = `not JSON (${(error as Error).message})`;
  }
  const setAsideAs = `${file}.unreadable-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, setAsideAs);
  return { value: empty, problem: { message: `${file} could not be read (${reason}); it was set aside as ${setAsideAs}.`, setAsideAs } };
}

export async function saveDataFile<S extends z.ZodType>(file: string, schema: S, value: z.input<S>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(schema.parse(value), null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}
