import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { log, repoRoot } from './support.js';

/** Makes sure dist/ holds a build of the current sources before the bench serves it. */

const outputs = ['dist/runtime/cli.js', 'dist/renderer/index.html'].map((file) => path.join(repoRoot, file));
const sourceDirs = ['runtime', 'renderer'].map((dir) => path.join(repoRoot, dir));

/** Runs `npm run build` when dist/ is missing, older than a source file, or BENCH_BUILD=1. */
export async function ensureBuilt(): Promise<void> {
  const reason = process.env.BENCH_BUILD === '1' ? 'BENCH_BUILD=1' : staleReason();
  if (reason === null) {
    log('dist/ is up to date; not rebuilding');
    return;
  }
  log(`building (${reason}): npm run build`);
  const code = await new Promise<number | null>((resolve, reject) => {
    // stdout too goes to stderr: stdout is reserved for the JSON result.
    const child = spawn('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: ['ignore', process.stderr, process.stderr] });
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  if (code !== 0) throw new Error(`npm run build failed (exit ${String(code)})`);
  const missing = outputs.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`npm run build did not produce ${missing.map((file) => path.relative(repoRoot, file)).join(', ')}`);
}

function staleReason(): string | null {
  const missing = outputs.find((file) => !existsSync(file));
  if (missing) return `${path.relative(repoRoot, missing)} is missing`;
  const builtAt = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const newer = sourceDirs.map((dir) => newestSource(dir)).find((found) => found !== null && found.mtimeMs > builtAt);
  return newer ? `${path.relative(repoRoot, newer.file)} is newer than dist/` : null;
}

function newestSource(dir: string): { file: string; mtimeMs: number } | null {
  let newest: { file: string; mtimeMs: number } | null = null;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(tsx?|css|html)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { mtimeMs } = statSync(file);
    if (newest === null || mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  }
  return newest;
}
