import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of processes from /proc (Linux): user + system seconds so far, and the processes
 * under a given one. For the logs CPU probe (logs-cpu.ts): on a machine shared with other work,
 * CPU seconds per million lines are steady where wall times are not.
 */

const ticksPerSecond = 100; // USER_HZ: 100 on every Linux the bench runs on (getconf CLK_TCK).

export interface ProcessInfo {
  pid: number;
  parentPid: number;
  /** The command line, arguments joined by spaces. */
  command: string;
}

/** user + system CPU seconds the process has used, or null when it is gone. */
export function cpuSecondsOf(pid: number): number | null {
  const split = cpuSplitOf(pid);
  return split === null ? null : split.user + split.system;
}

/** The user and system (kernel: system calls) CPU seconds the process has used, or null when it is gone. */
export function cpuSplitOf(pid: number): { user: number; system: number } | null {
  const stat = readProc(pid, 'stat');
  if (stat === null) return null;
  // The command name (field 2) may hold spaces and parentheses: count fields after its last `)`.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the name's.
  return { user: Number(fields[11]) / ticksPerSecond, system: Number(fields[12]) / ticksPerSecond };
}

/** Every process on the machine that can be read. */
export function listProcesses(): ProcessInfo[] {
  const processes: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const stat = readProc(pid, 'stat');
    const command = readProc(pid, 'cmdline');
    if (stat === null || command === null) continue;
    const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    processes.push({ pid, parentPid, command: command.replace(/\0+$/, '').replaceAll('\0', ' ') });
  }
  return processes;
}

/** The processes started (directly or not) by `rootPid`. */
export function descendantsOf(rootPid: number, processes: readonly ProcessInfo[] = listProcesses()): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  for (const info of processes) children.set(info.parentPid, [...(children.get(info.parentPid) ?? []), info]);
  const found: ProcessInfo[] = [];
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      visit(child.pid);
    }
  };
  visit(rootPid);
  return found;
}

/** The summed CPU seconds of these processes (those gone since count 0). */
export function cpuSecondsOfAll(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + (cpuSecondsOf(pid) ?? 0), 0);
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}
