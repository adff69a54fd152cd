import path from 'node:path';
import { z } from 'zod';
import { engineTlsSchema } from '../../api/index.js';
import { loadDataFile, saveDataFile } from '../../data-file.js';

/**
 * The engines the user added, and what the user changed about found ones (name, colour,
 * connected or not), kept in `<data dir>/engines.json` (runtime/data-file.ts: atomic, a bad file
 * set aside). Paths only, never keys or passwords.
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
  const { value, problem } = await loadDataFile(enginesFilePath(dataDir), enginesFileSchema, emptyEnginesFile, now);
  return problem ? { file: value, problem } : { file: value };
}

export function saveEngines(dataDir: string, engines: EnginesFile): Promise<void> {
  return saveDataFile(enginesFilePath(dataDir), enginesFileSchema, engines);
}
