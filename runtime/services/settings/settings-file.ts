import path from 'node:path';
import { z } from 'zod';
import { defaultSettings, settingsSchema, type Settings } from '../../api/index.js';
import { loadDataFile, saveDataFile, type LoadedDataFile } from '../../data-file.js';

/**
 * The settings, kept in `<data dir>/settings.json` through runtime/data-file.ts (atomic, schema
 * checked, set aside when unreadable). The contract's own schema reads it, so a field missing
 * from an older file takes its default and a value out of bounds sets the file aside.
 */

const settingsFileSchema = z.strictObject({ version: z.literal(1), settings: settingsSchema });
type SettingsFile = z.output<typeof settingsFileSchema>;

export const settingsFileName = 'settings.json';

export function settingsFilePath(dataDir: string): string {
  return path.join(dataDir, settingsFileName);
}

export async function loadSettings(dataDir: string): Promise<LoadedDataFile<Settings>> {
  const loaded: LoadedDataFile<SettingsFile> = await loadDataFile(settingsFilePath(dataDir), settingsFileSchema, { version: 1, settings: defaultSettings });
  return loaded.problem ? { value: loaded.value.settings, problem: loaded.problem } : { value: loaded.value.settings };
}

export function saveSettings(dataDir: string, settings: Settings): Promise<void> {
  return saveDataFile(settingsFilePath(dataDir), settingsFileSchema, { version: 1, settings });
}
