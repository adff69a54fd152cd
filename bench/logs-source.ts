import type Docker from 'dockerode';
import { benchLabel, removeNamed } from './bench-containers.js';
import { delay, log } from './support.js';

/**
 * The containers the logs measures read: one that writes LINES lines of about 100 bytes to
 * stdout as fast as busybox can and exits, so its log is whole and fixed before anyone reads it.
 * Line i reads `line 0000042 the quick brown fox ...`, so the last one is known.
 */

const padding = 'the quick brown fox jumps over the lazy dog 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLM';

/** The shell command that prints lines 1..count, each about 100 bytes. */
export function linesCommand(count: number): string[] {
  // busybox seq has no -w with a width, so the numbers are padded by sed: 7 digits for up to 9,999,999 lines.
  return ['sh', '-c', `seq 1 ${count} | sed -e 's/^/000000/' -e 's/^0*\\([0-9]\\{7\\}\\)$/\\1/' -e 's/.*/line & ${padding}/'`];
}

/** The text of line `index` (1-based) as the container writes it. */
export function lineText(index: number): string {
  return `line ${String(index).padStart(7, '0')} ${padding}`;
}

/** Creates `name` writing `count` lines, starts it and waits until it has exited 0. */
export async function writeLogContainer(docker: Docker, image: string, name: string, count: number, timeoutMs = 600_000): Promise<void> {
  await removeNamed(docker, [name]);
  const container = await docker.createContainer({ name, Image: image, Cmd: linesCommand(count), Labels: { [benchLabel]: '1' }, HostConfig: { NetworkMode: 'none' } });
  const started = Date.now();
  await container.start();
  log(`${name}: writing ${count} log lines`);
  for (;;) {
    const state = (await container.inspect()).State;
    if (!state.Running) {
      if (state.ExitCode !== 0) throw new Error(`${name} exited ${state.ExitCode} while writing its log`);
      log(`${name}: ${count} lines written in ${Math.round((Date.now() - started) / 1000)} s`);
      return;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${name} still writing after ${timeoutMs / 1000} s`);
    await delay(250);
  }
}
