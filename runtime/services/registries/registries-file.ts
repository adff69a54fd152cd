import path from 'node:path';
import { z } from 'zod';
import { loadDataFile, saveDataFile, type LoadedDataFile } from '../../data-file.js';

/**
 * The registries the user added, kept in `<data dir>/registries.json` (runtime/data-file.ts:
 * atomic, a bad file set aside). Addresses only: credentials live in the credential stores
 * (runtime/registry/credentials), never here.
 */

const savedRegistrySchema = z.strictObject({
  /** `host[:port]`, as image references name it. */
  registry: z.string().min(1),
  /** `https://host[:port]` or `http://host[:port]`. */
  url: z.string().min(1),
  insecure: z.boolean(),
});
export type SavedRegistry = z.output<typeof savedRegistrySchema>;

const registriesFileSchema = z.strictObject({ version: z.literal(1), registries: z.array(savedRegistrySchema) });
export type RegistriesFile = z.output<typeof registriesFileSchema>;

export const emptyRegistriesFile: RegistriesFile = { version: 1, registries: [] };

export function registriesFilePath(dataDir: string): string {
  return path.join(dataDir, 'registries.json');
}

export function loadRegistries(dataDir: string): Promise<LoadedDataFile<RegistriesFile>> {
  return loadDataFile(registriesFilePath(dataDir), registriesFileSchema, emptyRegistriesFile);
}

export function saveRegistries(dataDir: string, file: RegistriesFile): Promise<void> {
  return saveDataFile(registriesFilePath(dataDir), registriesFileSchema, file);
}
