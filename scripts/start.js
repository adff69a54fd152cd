// `npm start`: open Berth in its Electron window; where Electron cannot start (no binary, no
// display), say why in one line and serve the same UI with `berth serve` instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @returns {string | null} why Electron cannot start here, or null when it can try. */
function electronBlocker() {
  if (process.env.BERTH_NO_ELECTRON) return 'BERTH_NO_ELECTRON is set';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display (DISPLAY and WAYLAND_DISPLAY are unset)';
  try {
    // Electron's own lookup downloads the binary when it is missing; on a machine without
    // internet that fails and we fall back below.
    /** @type {unknown} */
    const binary = createRequire(import.meta.url)('electron');
    if (typeof binary !== 'string' || !existsSync(binary)) return 'the Electron binary is not installed';
  } catch (error) {
    return `the Electron binary is not installed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
  return null;
}

/** @param {string} reason */
function serve(reason) {
  process.stderr.write(`berth: cannot open the desktop window: ${reason}. Serving the same UI in your browser instead; open the URL below.\n`);
  const child = spawn(process.execPath, ['bin/berth.js', 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
}

const blocker = electronBlocker();
if (blocker) {
  serve(blocker);
} else {
  const binary = /** @type {string} */ (createRequire(import.meta.url)('electron'));
  const startedAt = Date.now();
  const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('error', (error) => serve(`Electron failed to start (${error.message})`));
  child.on('exit', (code) => {
    // A quick failure means Electron itself could not run here (missing libraries, no GPU...).
    if (code !== 0 && Date.now() - startedAt < 5000) serve(`Electron exited with code ${String(code)} at start`);
    else process.exit(code ?? 0);
  });
}
