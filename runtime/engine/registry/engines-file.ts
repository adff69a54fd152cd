import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { engineTlsSchema } from '../../api/index.js';

/**
 * The engines the user added, and what the user changed about found ones (name, colour,
 * connected or not), kept in `<data dir>/engines.json`. Paths only, never keys or passwords.
 * Written atomically (a temporary file, then rename); read through the schema, and a file that
 * does not pass is set aside with the reason instead of crashing Berth or being overwritten.
 */

const savedEngineSchema = z.strictObject({
  url: z.string().min(1),
  name: z.string().min(1).max(64),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Added by hand (kept until removed), or found (kept only for what the user changed). */
  addedByUser: z.boolean(),
  /** False after the user disconnected it. */
  enabled: z.boolean(),
  tls: engineTlsSchema.optional(),
  sshConfigPath: z.string().min(1).optional(),
});
export type SavedEngine = z.output<typeof savedEngineSchema>;

const enginesFileSchema = z.strictObject({
  version: z.literal(1),
  engines: z.array(savedEngineSchema),
  /** The URL of the engine requests go to when they name none; absent: the one found first. */
  defaultUrl: z.string().min(1).optional(),
});
export type EnginesFile = z.output<typeof enginesFileSchema>;

export const emptyEnginesFile: EnginesFile = { version: 1, engines: [] };

export interface LoadedEngines {
  file: EnginesFile;
  /** Set when the file existed but could not be used; it was moved to `setAsideAs`. */
  problem?: { message: string; setAsideAs: string };
}

export function enginesFilePath(dataDir: string): string {
  return path.join(dataDir, 'engines.json');
}

export async function loadEngines(dataDir: string, now = new Date()): Promise<LoadedEngines> {
  const file = enginesFilePath(dataDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file: emptyEnginesFile };
    throw error;
  }
  let reason: string;
  try {
    const parsed = enginesFileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { file: parsed.data };
    const issue = parsed.error.issues[0];
    reason = `${issue?.path.join('.') || '(file)'}: ${issue?.message ?? 'invalid'}`;
  } catch (error) {
    reason = `not JSON (${(error as Error).message})`;
  }
  const setAsideAs = `${file}.unreadable-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, setAsideAs);
  return { file: emptyEnginesFile, problem: { message: `${file} could not be read (${reason}); it was set aside as ${setAsideAs}.`, setAsideAs } };
}

export async function saveEngines(dataDir: string, engines: EnginesFile): Promise<void> {
  const file = enginesFilePath(dataDir);
  await mkdir(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(enginesFileSchema.parse(engines), null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}
