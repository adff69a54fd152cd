import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Small helpers every bench module uses: progress logging, errors as text, the repository root. */

/** The repository root (bench/..). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Logs progress to stderr; stdout carries only the JSON result. */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads a positive integer from the environment, or the default. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name}=${raw}: expected a positive integer`);
  return value;
}
