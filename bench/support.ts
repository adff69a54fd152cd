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

/** Reads a 0/1 switch from the environment, or the default. */
export function envFlag(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== '0' && raw !== '1') throw new Error(`${name}=${raw}: expected 0 or 1`);
  return raw === '1';
}

/** Runs one measure; its failure becomes that measure's `error`, not the run's. */
export async function attempt<T>(what: string, measure: () => Promise<T>): Promise<T | { error: string }> {
  log(`measuring: ${what}`);
  try {
    return await measure();
  } catch (error) {
    log(`${what} failed: ${errorMessage(error)}`);
    return { error: errorMessage(error) };
  }
}
