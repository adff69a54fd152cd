import { readdir, readFile, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { managedEnginePaths } from '../runtime/engine/managed.js';
import { testSshEngineOptions, tlsEnginePaths } from '../runtime/testing/test-engine.js';
import { capture, delay, isAlive } from './process.js';
import { podmanContainerIds, removePodmanCgroups } from './test-podman.js';
import { ownerVariable } from './test-service.js';

/**
 * What a test environment can leave behind when its dockerd dies hard (SIGKILL, a crash, a
 * CI timeout): containerd and its shims, the containers' own processes and cgroups, and
 * overlay / netns mounts that make `rm -rf` fail; likewise sshd's sessions and Podman's
 * conmons. Only things provably ours are touched: processes whose command line names our
 * directory or whose environment carries our owner marker, and containers whose ids are in
 * our engines' data roots or our Podman's storage.
 */

// Process names (as /proc/PID/comm truncates them) that the environment starts.
const ourProcessNames = new Set(['dockerd', 'containerd', 'containerd-shim', 'docker-registr', 'runc', 'sshd', 'podman', 'conmon', 'unshare', 'nsenter']);

async function allPids(): Promise<number[]> {
  return (await readdir('/proc')).map(Number).filter((pid) => Number.isInteger(pid) && pid > 0 && pid !== process.pid);
}

/** Whether the process carries the marker the environment's services are started with (sshd hands it to its sessions). */
async function hasOwnerMarker(pid: number, dir: string): Promise<boolean> {
  try {
    return (await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0').includes(`${ownerVariable}=${dir}`);
  } catch {
    return false;
  }
}

/** Engine, registry, sshd and Podman processes whose command line names the directory, and any process carrying our marker. */
async function processesUsing(dir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const pid of await allPids()) {
    try {
      const named = ourProcessNames.has((await readFile(`/proc/${pid}/comm`, 'utf8')).trim());
      const cmdline = named ? (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ') : '';
      if ((cmdline.includes(`${dir}/`) || (await hasOwnerMarker(pid, dir))) && isAlive(pid)) pids.push(pid);
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Ids of the containers one engine created (its data root has a directory per container). */
async function engineContainerIds(engineDataDir: string): Promise<string[]> {
  try {
    return (await readdir(path.join(managedEnginePaths(engineDataDir).dataRoot, 'containers'))).filter((id) => /^[0-9a-f]{64}$/.test(id));
  } catch {
    return [];
  }
}

/** Ids of the containers of every engine of the run: the three dockerds and Podman. */
async function ourContainerIds(dataDir: string): Promise<string[]> {
  const engineDirs = [dataDir, tlsEnginePaths(dataDir).root, testSshEngineOptions(dataDir).dataDir];
  return [...(await Promise.all(engineDirs.map(engineContainerIds))).flat(), ...(await podmanContainerIds(dataDir))];
}

/** Processes still inside one of our containers' cgroups (their shim is gone, so nothing else will end them). */
async function containerProcesses(containerIds: readonly string[]): Promise<number[]> {
  if (containerIds.length === 0) return [];
  const pids: number[] = [];
  for (const pid of await allPids()) {
    try {
      const cgroups = await readFile(`/proc/${pid}/cgroup`, 'utf8');
      if (containerIds.some((id) => cgroups.includes(id)) && isAlive(pid)) pids.push(pid);
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

async function terminate(pids: readonly number[], signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (pids.length === 0) return;
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + graceMs;
  while (pids.some(isAlive) && Date.now() < deadline) await delay(100);
  for (const pid of pids.filter(isAlive)) process.kill(pid, 'SIGKILL');
}

/** Removes the (now empty) cgroups dockerd made for our containers, cgroup v1 and v2 layouts. */
async function removeContainerCgroups(containerIds: readonly string[]): Promise<void> {
  let hierarchies: string[];
  try {
    hierarchies = ['', ...(await readdir('/sys/fs/cgroup'))];
  } catch {
    return;
  }
  for (const id of containerIds) {
    for (const hierarchy of hierarchies) {
      for (const dir of [path.join('/sys/fs/cgroup', hierarchy, 'docker', id), path.join('/sys/fs/cgroup', hierarchy, 'system.slice', `docker-${id}.scope`)]) {
        await rmdir(dir).catch(() => undefined);
      }
    }
  }
}

export async function killLeftoverProcesses(dataDir: string): Promise<void> {
  const engineProcesses = await processesUsing(dataDir);
  if (engineProcesses.length > 0) console.error(`[test-env] stopping leftover engine processes ${engineProcesses.join(', ')}`);
  await terminate(engineProcesses, 'SIGTERM', 10_000);
  const containerIds = await ourContainerIds(dataDir);
  const orphans = await containerProcesses(containerIds);
  if (orphans.length > 0) console.error(`[test-env] killing leftover container processes ${orphans.join(', ')}`);
  await terminate(orphans, 'SIGKILL', 5_000);
  await removeContainerCgroups(containerIds);
  await removePodmanCgroups(containerIds);
}

/** Mount points at or under the directory, from /proc/self/mountinfo text, deepest first. */
export function mountPointsUnder(mountinfo: string, dir: string): string[] {
  return mountinfo
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((field): field is string => field !== undefined)
    .map((field) => field.replace(/\\([0-7]{3})/g, (_match, octal: string) => String.fromCharCode(parseInt(octal, 8))))
    .filter((mountPoint) => mountPoint === dir || mountPoint.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
}

/** Unmounts everything under the directory, deepest first, lazily when a plain umount fails. */
export async function unmountUnder(dir: string): Promise<void> {
  for (let pass = 0; pass < 3; pass++) {
    const mountPoints = mountPointsUnder(await readFile('/proc/self/mountinfo', 'utf8'), dir);
    if (mountPoints.length === 0) return;
    for (const mountPoint of mountPoints) {
      const result = await capture('umount', [mountPoint]);
      if (result.code !== 0) await capture('umount', ['-l', mountPoint]);
    }
  }
  const left = mountPointsUnder(await readFile('/proc/self/mountinfo', 'utf8'), dir);
  if (left.length > 0) throw new Error(`still mounted: ${left.join(', ')}`);
}
