import type { EngineStats } from '../../engine/json/streams.js';
import { colon, equals, newline, space, type Scanner } from './byte-scanner.js';

/*
 * Reading the counters of one cgroup or proc file, in the engine's stats shape, from the
 * shared scanner (see host-cgroups.ts): only the fields needed, no strings made per line.
 */

export type BlkioEntry = NonNullable<NonNullable<EngineStats['blkio_stats']>['io_service_bytes_recursive']>[number];
type Networks = NonNullable<EngineStats['networks']>;

/** USER_HZ is 100 on every Linux architecture (dockerd hard-codes it too). */
const nanosecondsPerTick = 1e9 / 100;

const word = (text: string) => Buffer.from(text, 'latin1');
export const keys = {
  totalInactiveFile: word('total_inactive_file'),
  totalCache: word('total_cache'),
  inactiveFile: word('inactive_file'),
  file: word('file'),
  usageUsec: word('usage_usec'),
  rbytes: word('rbytes'),
  wbytes: word('wbytes'),
  lo: word('lo'),
  cpu: word('cpu '),
};
/** The v1 blkio operations, so a reading does not make a string per entry. */
const blkioOps = ['Read', 'Write', 'Sync', 'Async', 'Discard', 'Total'].map((op) => ({ op, bytes: word(op) }));

/** The host's CPU time in ns as dockerd counts it: /proc/stat's `cpu` line, user..softirq. */
export function systemCpuUsage(scan: Scanner, fd: number): number {
  // The first line is all that is needed, and never this long.
  scan.fill(fd, 512);
  if (!scan.startsWith(keys.cpu)) throw new Error('/proc/stat has no cpu line');
  scan.at += keys.cpu.length;
  let ticks = 0;
  for (let field = 0; field < 7; field++) {
    scan.blanks();
    ticks += scan.number();
  }
  return ticks * nanosecondsPerTick;
}

/** A file of one number (cgroup files end it with a newline); an empty one means the cgroup is going. */
export function single(scan: Scanner, fd: number): number {
  if (scan.fill(fd) === 0) throw new Error('empty');
  return scan.number();
}

/** The value of `key` in a file of `key value` lines (cpu.stat). */
export function keyed(scan: Scanner, fd: number, key: Buffer): number {
  if (scan.fill(fd) === 0) throw new Error('empty');
  while (!scan.done) {
    const start = scan.at;
    scan.to(space);
    if (scan.is(start, scan.at, key)) {
      scan.blanks();
      return scan.number();
    }
    scan.nextLine();
  }
  return 0;
}

export function memoryCounters(scan: Scanner, fd: number, v1: boolean): NonNullable<NonNullable<EngineStats['memory_stats']>['stats']> {
  scan.fill(fd);
  const inactiveKey = v1 ? keys.totalInactiveFile : keys.inactiveFile;
  const cacheKey = v1 ? keys.totalCache : keys.file;
  let inactive = 0;
  let cache = 0;
  while (!scan.done) {
    const start = scan.at;
    scan.to(space);
    const end = scan.at;
    scan.blanks();
    if (scan.is(start, end, inactiveKey)) inactive = scan.number();
    else if (scan.is(start, end, cacheKey)) cache = scan.number();
    scan.nextLine();
  }
  return v1 ? { total_inactive_file: inactive, total_cache: cache } : { inactive_file: inactive, file: cache };
}

/** `MAJ:MIN Op value` lines; the `Total value` line is not an entry. */
export function blkioEntries(scan: Scanner, fd: number): BlkioEntry[] {
  scan.fill(fd);
  const entries: BlkioEntry[] = [];
  while (!scan.done) {
    if (scan.isDigit()) {
      scan.to(space);
      scan.blanks();
      const start = scan.at;
      scan.to(space);
      const end = scan.at;
      scan.blanks();
      if (end > start && scan.isDigit()) {
        entries.push({ op: blkioOp(scan, start, end), value: scan.number() });
      }
    }
    scan.nextLine();
  }
  return entries;
}

/** v2 io.stat: `MAJ:MIN rbytes=N wbytes=N rios=N ...` lines, as dockerd's `read` and `write` entries. */
export function ioStat(scan: Scanner, fd: number): BlkioEntry[] {
  scan.fill(fd);
  const entries: BlkioEntry[] = [];
  while (!scan.done) {
    if (scan.isDigit()) {
      scan.to(space);
      let read = 0;
      let write = 0;
      for (;;) {
        scan.blanks();
        if (scan.done || scan.buffer[scan.at] === newline) break;
        const start = scan.at;
        scan.to(equals);
        const end = scan.at;
        if (scan.buffer[end] !== equals) break;
        scan.at++;
        if (scan.is(start, end, keys.rbytes)) read = scan.number();
        else if (scan.is(start, end, keys.wbytes)) write = scan.number();
        scan.to(space);
      }
      entries.push({ op: 'read', value: read }, { op: 'write', value: write });
    }
    scan.nextLine();
  }
  return entries;
}

/** /proc/<pid>/net/dev: two heading lines, then `name: rx_bytes ...7 more... tx_bytes ...`; lo left out. Undefined with no interface. */
export function networks(scan: Scanner, fd: number): Networks | undefined {
  scan.fill(fd);
  scan.nextLine();
  scan.nextLine();
  let networks: Networks | undefined;
  while (!scan.done) {
    scan.blanks();
    const start = scan.at;
    scan.to(colon);
    const end = scan.at;
    if (end > start && scan.buffer[end] === colon && !scan.is(start, end, keys.lo)) {
      scan.at++;
      let rx = 0;
      let tx = 0;
      for (let field = 0; field < 9; field++) {
        scan.blanks();
        const value = scan.number();
        if (field === 0) rx = value;
        else if (field === 8) tx = value;
      }
      networks ??= {};
      networks[scan.buffer.toString('latin1', start, end)] = { rx_bytes: rx, tx_bytes: tx };
    }
    scan.nextLine();
  }
  return networks;
}

/** The v1 operation at [start, end): one of the known strings, so an entry makes none. */
function blkioOp(scan: Scanner, start: number, end: number): string {
  for (const known of blkioOps) if (scan.is(start, end, known.bytes)) return known.op;
  return scan.buffer.toString('latin1', start, end);
}
