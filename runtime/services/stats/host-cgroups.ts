import { closeSync, existsSync as exists, openSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { EngineStats } from '../../engine/json/streams.js';
import { Scanner } from './byte-scanner.js';
import * as counters from './counter-files.js';
import { containerDir, readMountTable, v1Controllers, type MountTable } from './cgroup-mounts.js';

/*
 * Container stats read straight from the kernel, for an engine on this same Linux host whose
 * containers' processes and cgroups this process can see. The engine's own stats stream costs
 * it a goroutine, a cgroup walk and a JSON line per container per second; reading the same
 * counters here, for every container at once, costs a few small reads each.
 *
 * What is read is what dockerd reports (daemon/daemon_unix.go statsV1/statsV2, its collector's
 * /proc/stat sum, containerd's cgroups package), in the engine's own JSON shape, so
 * `toStatsSample` makes the same sample of it:
 * - CPU: cgroup v1 `cpuacct.usage` (ns), v2 `cpu.stat` usage_usec x 1000; the host's CPU time
 *   is the first seven fields of /proc/stat's `cpu` line (user..softirq) in clock ticks
 *   (USER_HZ, 100 on Linux) as ns, read once per reading for every container.
 * - Memory: v1 `memory.usage_in_bytes` and `memory.stat` total_inactive_file / total_cache, v2
 *   `memory.current` and `memory.stat` inactive_file / file; the limit is the cgroup's, but never
 *   above the host's MemTotal (dockerd's rule: v1's "no limit" number and v2's `max` become it).
 * - Pids: `pids.current`; the limit `pids.max`, 0 for `max`.
 * - Block I/O: v2 `io.stat` rbytes / wbytes as `read` / `write`; v1 the CFQ
 *   `blkio.io_service_bytes_recursive` when the kernel has it and it has entries, else
 *   `blkio.throttle.io_service_bytes` (containerd's order: the throttle file is the fallback).
 * - Network: the container's /proc/<pid>/net/dev, every interface but `lo`; none at all for
 *   host networking or none.
 * Limits are read when a container is added (and by `refreshLimits`), not every second.
 *
 * Cost is the point: every file is opened once, at `add`, and each reading is one positional
 * read at offset 0 (which makes a cgroup or proc file anew) into one shared buffer, scanned as
 * bytes for only the fields needed.
 */

type CpuStats = NonNullable<EngineStats['cpu_stats']>;

export interface HostCgroupsOptions {
  /** Where procfs is (a fixture tree's in tests). */
  procRoot?: string;
  /** The mount table that names the cgroup file systems; `<procRoot>/self/mountinfo` by default. */
  mountInfo?: string;
  /** `online_cpus`: the CPUs this process may run on (as dockerd counts its own) by default. */
  onlineCpus?: number;
  /** The most files kept open at once: an `add` past it answers false (the engine's stream serves that container). Half the soft limit by default. */
  maxOpenFiles?: number;
}

export interface HostCgroupsAddOptions {
  /** The container's HostConfig.NetworkMode: `host` and `none` have no networks of their own to report. */
  networkMode: string;
}

/** A container being read: its open files (fds; null for one it has not) and what it does not change every second. */
interface Watched {
  version: 1 | 2;
  /** v1 cpuacct.usage, v2 cpu.stat. */
  cpu: number;
  /** v1 memory.usage_in_bytes, v2 memory.current. */
  memoryUsage: number;
  memoryStat: number;
  pidsCurrent: number | null;
  /** v1 blkio.throttle.io_service_bytes, v2 io.stat. */
  io: number | null;
  /** v1 blkio.io_service_bytes_recursive, where the kernel has CFQ statistics. */
  ioCfq: number | null;
  netDev: number | null;
  memoryLimitFile: string;
  pidsLimitFile: string | null;
  memoryLimit: number;
  pidsLimit: number;
  previousCpu: CpuStats | undefined;
}

const fullId = /^[0-9a-f]{64}$/;
/** What cgroup v2 says `max` is, as containerd turns it into a number (before dockerd's MemTotal cap). */
const noLimit = 2 ** 64 - 1;



/**
 * Reads the resource use of many containers of one engine at once from their cgroups, when the
 * engine runs on this host (see the top of this file). `add` answers false for a container it
 * cannot read (the engine's own stats stream is then the way); `read` answers every added one.
 */
export class HostCgroups {
  private readonly procRoot: string;
  private readonly mountInfoFile: string;
  private readonly onlineCpus: number;
  private readonly maxOpenFiles: number;
  private readonly watched = new Map<string, Watched>();
  private readonly scan = new Scanner();
  private mounts: MountTable | null = null;
  /** /proc/stat, opened with the first container. */
  private procStat: number | null = null;
  /** MemTotal in bytes (0 unknown), read with the first container. */
  private memTotal = -1;
  private openFiles = 0;
  private disposed = false;

  constructor(options: HostCgroupsOptions = {}) {
    this.procRoot = options.procRoot ?? '/proc';
    this.mountInfoFile = options.mountInfo ?? `${this.procRoot}/self/mountinfo`;
    this.onlineCpus = options.onlineCpus ?? availableParallelism();
    this.maxOpenFiles = options.maxOpenFiles ?? openFileBudget(this.procRoot);
  }

  /** The files held open now (every added container's and /proc/stat). */
  get openFileCount(): number {
    return this.openFiles + (this.procStat === null ? 0 : 1);
  }

  has(containerId: string): boolean {
    return this.watched.has(containerId);
  }

  /**
   * Starts reading a running container whose main process is `pid` (its inspect's State.Pid).
   * False, keeping nothing, when this process cannot read it: not Linux, no pid, its
   * /proc/<pid>/cgroup unreadable, its cgroup not naming the full id (another pid namespace, a
   * VM, a pid reused since), a file it needs missing, or too many files open. Adding an added
   * container again reads it afresh (after a restart: a new pid and cgroup); when that fails,
   * the earlier files go too.
   */
  add(containerId: string, pid: number, options: HostCgroupsAddOptions): boolean {
    if (this.disposed || process.platform !== 'linux' || !Number.isInteger(pid) || pid <= 0 || !fullId.test(containerId)) {
      this.remove(containerId);
      return false;
    }
    const opened: number[] = [];
    const open = (path: string) => {
      const fd = openSync(path, 'r');
      opened.push(fd);
      return fd;
    };
    try {
      if (this.procStat === null) this.procStat = openSync(`${this.procRoot}/stat`, 'r');
      if (this.memTotal < 0) this.memTotal = memTotalOf(this.procRoot);
      // The network namespace's file first, then the cgroup check: a pid reused in between fails the check.
      const ownNetwork = options.networkMode !== 'host' && options.networkMode !== 'none';
      const netDev = ownNetwork ? open(`${this.procRoot}/${pid}/net/dev`) : null;
      const places = this.locate(readFileSync(`${this.procRoot}/${pid}/cgroup`, 'latin1'), containerId);
      if (places === null) throw new Error('not this container');
      let entry: Watched;
      if (places.version === 1) {
        const { cpuacct, memory, pids, blkio } = places;
        const cfq = blkio !== null && exists(`${blkio}/blkio.io_serviced_recursive`);
        entry = {
          version: 1,
          cpu: open(`${cpuacct}/cpuacct.usage`),
          memoryUsage: open(`${memory}/memory.usage_in_bytes`),
          memoryStat: open(`${memory}/memory.stat`),
          pidsCurrent: pids === null ? null : open(`${pids}/pids.current`),
          io: blkio === null ? null : open(`${blkio}/blkio.throttle.io_service_bytes`),
          ioCfq: cfq ? open(`${blkio}/blkio.io_service_bytes_recursive`) : null,
          netDev,
          memoryLimitFile: `${memory}/memory.limit_in_bytes`,
          pidsLimitFile: pids === null ? null : `${pids}/pids.max`,
          memoryLimit: 0,
          pidsLimit: 0,
          previousCpu: undefined,
        };
      } else {
        const { dir } = places;
        const pids = exists(`${dir}/pids.current`);
        const io = exists(`${dir}/io.stat`);
        entry = {
          version: 2,
          cpu: open(`${dir}/cpu.stat`),
          memoryUsage: open(`${dir}/memory.current`),
          memoryStat: open(`${dir}/memory.stat`),
          pidsCurrent: pids ? open(`${dir}/pids.current`) : null,
          io: io ? open(`${dir}/io.stat`) : null,
          ioCfq: null,
          netDev,
          memoryLimitFile: `${dir}/memory.max`,
          pidsLimitFile: pids ? `${dir}/pids.max` : null,
          memoryLimit: 0,
          pidsLimit: 0,
          previousCpu: undefined,
        };
      }
      this.readLimits(entry);
      const replaced = this.watched.get(containerId);
      if (this.openFiles - (replaced ? filesOf(replaced).length : 0) + opened.length > this.maxOpenFiles) throw new Error('too many files open');
      if (replaced) this.forget(containerId, replaced);
      this.watched.set(containerId, entry);
      this.openFiles += opened.length;
      return true;
    } catch {
      for (const fd of opened) closeQuietly(fd);
      this.remove(containerId);
      if (this.watched.size === 0) this.closeProcStat();
      return false;
    }
  }

  /** Stops reading a container and closes its files. */
  remove(containerId: string): void {
    const entry = this.watched.get(containerId);
    if (entry) this.forget(containerId, entry);
  }

  /** Reads a container's memory and pids limits again (after an update); false for one not read (or gone). */
  refreshLimits(containerId: string): boolean {
    const entry = this.watched.get(containerId);
    if (!entry) return false;
    try {
      this.readLimits(entry);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * One reading of every added container, keyed by id, in the engine's stats JSON shape; its
   * `precpu_stats` is the container's previous reading's `cpu_stats`. A container whose files
   * are gone (it stopped: its cgroup was removed) is left out and forgotten, its files closed at
   * once (an open net/dev would keep its network namespace alive).
   */
  read(): Map<string, EngineStats> {
    const readings = new Map<string, EngineStats>();
    if (this.watched.size === 0 || this.procStat === null) return readings;
    let systemCpuUsage: number;
    try {
      systemCpuUsage = counters.systemCpuUsage(this.scan, this.procStat);
    } catch {
      return readings;
    }
    const now = new Date().toISOString();
    for (const [id, entry] of this.watched) {
      try {
        readings.set(id, this.readOne(entry, now, systemCpuUsage));
      } catch {
        this.forget(id, entry);
      }
    }
    return readings;
  }

  dispose(): void {
    this.disposed = true;
    for (const [id, entry] of this.watched) this.forget(id, entry);
    this.closeProcStat();
  }

  private forget(containerId: string, entry: Watched): void {
    this.watched.delete(containerId);
    const files = filesOf(entry);
    for (const fd of files) closeQuietly(fd);
    this.openFiles -= files.length;
  }

  private closeProcStat(): void {
    if (this.procStat !== null) closeQuietly(this.procStat);
    this.procStat = null;
  }

  private readOne(entry: Watched, now: string, systemCpuUsage: number): EngineStats {
    const v1 = entry.version === 1;
    const cpu: CpuStats = { cpu_usage: { total_usage: v1 ? counters.single(this.scan, entry.cpu) : counters.keyed(this.scan, entry.cpu, counters.keys.usageUsec) * 1000 }, system_cpu_usage: systemCpuUsage, online_cpus: this.onlineCpus };
    const usage = counters.single(this.scan, entry.memoryUsage);
    const stats: EngineStats = {
      read: now,
      cpu_stats: cpu,
      memory_stats: { usage, limit: entry.memoryLimit, stats: counters.memoryCounters(this.scan, entry.memoryStat, v1) },
      blkio_stats: { io_service_bytes_recursive: v1 ? this.blkioV1(entry) : entry.io === null ? [] : counters.ioStat(this.scan, entry.io) },
    };
    if (entry.previousCpu) stats.precpu_stats = entry.previousCpu;
    if (entry.pidsCurrent !== null) stats.pids_stats = { current: counters.single(this.scan, entry.pidsCurrent), limit: entry.pidsLimit };
    if (entry.netDev !== null) {
      const networks = counters.networks(this.scan, entry.netDev);
      if (networks) stats.networks = networks;
    }
    entry.previousCpu = cpu;
    return stats;
  }

  /** v1: the CFQ file when it has entries, else the throttle one (containerd's order). */
  private blkioV1(entry: Watched): counters.BlkioEntry[] {
    if (entry.ioCfq !== null) {
      const cfq = counters.blkioEntries(this.scan, entry.ioCfq);
      if (cfq.length > 0) return cfq;
    }
    return entry.io === null ? [] : counters.blkioEntries(this.scan, entry.io);
  }

  private readLimits(entry: Watched): void {
    const memory = limitOf(readFileSync(entry.memoryLimitFile, 'latin1'));
    entry.memoryLimit = this.memTotal > 0 && memory > this.memTotal ? this.memTotal : memory;
    entry.pidsLimit = entry.pidsLimitFile === null ? 0 : pidsLimitOf(readFileSync(entry.pidsLimitFile, 'latin1'));
  }

  /** Where a container's cgroup files are, from its process's /proc/<pid>/cgroup; null when this process cannot tell (or they are not the container's). */
  private locate(cgroupFile: string, containerId: string): { version: 1; cpuacct: string; memory: string; pids: string | null; blkio: string | null } | { version: 2; dir: string } | null {
    const v1Paths = new Map<string, string>();
    let v2Path: string | null = null;
    for (const line of cgroupFile.split('\n')) {
      // `hierarchy-id:controllers:path` (v2: `0::path`); the path may hold a colon itself.
      const first = line.indexOf(':');
      const second = line.indexOf(':', first + 1);
      if (first < 0 || second < 0) continue;
      const controllers = line.slice(first + 1, second);
      const path = line.slice(second + 1);
      if (controllers === '') v2Path = path;
      else for (const controller of controllers.split(',')) if (v1Controllers.includes(controller)) v1Paths.set(controller, path);
    }

    for (let attempt = 0; attempt < 2; attempt++) {
      // The mount table is read once, and again when a hierarchy the process is in is not in it (mounted since).
      if (this.mounts === null || attempt === 1) this.mounts = readMountTable(this.mountInfoFile);
      const mounts = this.mounts;
      // v1 when its controllers are mounted (a hybrid host mounts v2 beside them, unused for these).
      if (v1Paths.has('cpuacct') && v1Paths.has('memory') && mounts.v1.has('cpuacct') && mounts.v1.has('memory')) {
        const dirs = new Map<string, string>();
        for (const [controller, path] of v1Paths) {
          const controllerMounts = mounts.v1.get(controller);
          // A controller this host does not mount is left out (pids, blkio); one that is must be the container's.
          if (controllerMounts === undefined) continue;
          const dir = containerDir(controllerMounts, path, containerId);
          if (dir === null) return null;
          dirs.set(controller, dir);
        }
        const cpuacct = dirs.get('cpuacct');
        const memory = dirs.get('memory');
        if (cpuacct === undefined || memory === undefined) return null;
        return { version: 1, cpuacct, memory, pids: dirs.get('pids') ?? null, blkio: dirs.get('blkio') ?? null };
      }
      if (v2Path !== null && mounts.v2.length > 0) {
        const dir = containerDir(mounts.v2, v2Path, containerId);
        return dir === null ? null : { version: 2, dir };
      }
    }
    return null;
  }
}


/** A memory limit file: a number, or v2's `max` (containerd makes that 2^64-1). */
function limitOf(text: string): number {
  const value = text.trim();
  return value === 'max' ? noLimit : Number(value);
}

/** pids.max: `max` is no limit, 0 as dockerd reports it on v1. */
function pidsLimitOf(text: string): number {
  const value = text.trim();
  return value === 'max' ? 0 : Number(value);
}

/** /proc/meminfo's MemTotal in bytes, as dockerd's machineMemory; 0 when unreadable. */
function memTotalOf(procRoot: string): number {
  try {
    const text = readFileSync(`${procRoot}/meminfo`, 'latin1');
    const at = text.indexOf('MemTotal:');
    if (at < 0) return 0;
    const kib = Number.parseInt(text.slice(at + 'MemTotal:'.length).trimStart(), 10);
    return Number.isFinite(kib) ? kib * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Half this process's soft limit on open files (the rest is the app's own: sockets, logs...); 512 when unknown. */
function openFileBudget(procRoot: string): number {
  try {
    const line = readFileSync(`${procRoot}/self/limits`, 'latin1')
      .split('\n')
      .find((candidate) => candidate.startsWith('Max open files'));
    const soft = line?.slice('Max open files'.length).trim().split(/\s+/)[0];
    if (soft === 'unlimited') return 65_536;
    const value = Number(soft);
    return Number.isFinite(value) && value > 0 ? Math.floor(value / 2) : 512;
  } catch {
    return 512;
  }
}

function filesOf(entry: Watched): number[] {
  const files = [entry.cpu, entry.memoryUsage, entry.memoryStat];
  for (const fd of [entry.pidsCurrent, entry.io, entry.ioCfq, entry.netDev]) if (fd !== null) files.push(fd);
  return files;
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing is held.
  }
}
