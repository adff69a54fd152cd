import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostCgroups } from './host-cgroups.js';
import { toStatsSample } from './sample.js';

// HostCgroups over fixture trees shaped like a host's /proc and /sys/fs/cgroup (cgroup v1, v2 and
// hybrid), written to a temp dir: which files it finds, what it refuses, and the readings.

const id = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const otherId = 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100';
const pid = 4242;
const mib = 1024 * 1024;
const memTotalKib = 8_000_000;
const v1NoLimit = '9223372036854771712';

let root: string;
let cgroups: HostCgroups;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'berth-cg-'));
});

afterEach(() => {
  cgroups?.dispose();
  rmSync(root, { recursive: true, force: true });
});

function write(path: string, text: string): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}

/** The fds of this process open on a file of the fixture tree. */
function fixtureFds(): string[] {
  const open: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(root)) open.push(target);
    } catch {
      // Closed while listed (the directory's own fd).
    }
  }
  return open;
}

const netDev = (lines: string[]) =>
  ['Inter-|   Receive                                                |  Transmit', ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed', ...lines, ''].join('\n');

/** The host's procfs: /proc/stat (first cpu line as given), meminfo, and the container's process. */
function writeProc(cgroupLines: string[], cpuLine = 'cpu  1000 0 500 8000 100 0 50 7 0 0'): void {
  write('proc/stat', `${cpuLine}\ncpu0 500 0 250 4000 50 0 25 3 0 0\ncpu1 500 0 250 4000 50 0 25 4 0 0\nintr 12345 0 0\nctxt 999\n`);
  write('proc/meminfo', `MemTotal:       ${memTotalKib} kB\nMemFree:         1000000 kB\n`);
  write(`proc/${pid}/cgroup`, `${cgroupLines.join('\n')}\n`);
  write(
    `proc/${pid}/net/dev`,
    netDev([
      '    lo:    9999      10    0    0    0     0          0         0     9999      10    0    0    0     0       0          0',
      '  eth0:    1500      12    0    0    0     0          0         0      700       8    0    0    0     0       0          0',
      '  eth1:      40       1    0    0    0     0          0         0       60       1    0    0    0     0       0          0',
    ]),
  );
}

const mountLine = (index: number, mountPoint: string, type: 'cgroup' | 'cgroup2', options: string) =>
  `${30 + index} 25 0:${30 + index} / ${mountPoint} rw,nosuid,nodev,noexec,relatime shared:${index} - ${type} ${type} ${options}`;

/** cgroup v1 mounts (cpu and cpuacct mounted together), with v2's unified mount beside them when `hybrid`. */
function writeV1Mounts(hybrid: boolean): void {
  const base = join(root, 'sys/fs/cgroup');
  const lines = [
    '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
    `25 22 0:24 / ${base} ro,nosuid,nodev,noexec shared:2 - tmpfs tmpfs ro,mode=755`,
    mountLine(1, `${base}/cpu,cpuacct`, 'cgroup', 'rw,cpu,cpuacct'),
    mountLine(2, `${base}/memory`, 'cgroup', 'rw,memory'),
    mountLine(3, `${base}/pids`, 'cgroup', 'rw,pids'),
    mountLine(4, `${base}/blkio`, 'cgroup', 'rw,blkio'),
    mountLine(5, `${base}/systemd`, 'cgroup', 'rw,xattr,name=systemd'),
  ];
  if (hybrid) lines.push(mountLine(6, `${base}/unified`, 'cgroup2', 'rw,nsdelegate'));
  write('proc/self/mountinfo', `${lines.join('\n')}\n`);
}

/** A v1 container's cgroup files under `/docker/<id>`, with the given values. */
function writeV1Container(path = `/docker/${id}`, values: { usage?: number; memory?: number; limit?: string } = {}): void {
  const dir = (controller: string) => `sys/fs/cgroup/${controller}${path}`;
  write(`${dir('cpu,cpuacct')}/cpuacct.usage`, `${values.usage ?? 1_000_000_000}\n`);
  write(`${dir('memory')}/memory.usage_in_bytes`, `${values.memory ?? 10 * mib}\n`);
  write(`${dir('memory')}/memory.limit_in_bytes`, `${values.limit ?? v1NoLimit}\n`);
  write(
    `${dir('memory')}/memory.stat`,
    ['cache 3145728', 'rss 7340032', 'inactive_file 1048576', 'hierarchical_memory_limit 9223372036854771712', 'total_cache 3145728', 'total_rss 7340032', 'total_inactive_anon 0', `total_inactive_file ${2 * mib}`, 'total_active_file 1048576', ''].join('\n'),
  );
  write(`${dir('pids')}/pids.current`, '3\n');
  write(`${dir('pids')}/pids.max`, 'max\n');
  write(`${dir('blkio')}/blkio.throttle.io_service_bytes`, '8:0 Read 4096\n8:0 Write 8192\n8:0 Sync 8192\n8:0 Async 4096\n8:0 Discard 0\n8:0 Total 12288\nTotal 12288\n');
}

const v1CgroupFile = (path = `/docker/${id}`, hybrid = false) => [
  `12:pids:${path}`,
  `11:blkio:${path}`,
  `9:memory:${path}`,
  `3:cpu,cpuacct:${path}`,
  `1:name=systemd:${path}`,
  ...(hybrid ? [`0::${path}`] : []),
];

/**
 * A cgroup v2 host whose cgroup2 mount point has a space in it (mountinfo writes it `\040`), the
 * process in `path` and the container's files in `dir`.
 */
function writeV2(path: string, options: { dir?: string; memoryMax?: string; pidsMax?: string; io?: boolean } = {}): void {
  const mountPoint = join(root, 'sys/fs/cgroup two');
  write('proc/self/mountinfo', `22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n${mountLine(1, mountPoint.replace(' ', '\\040'), 'cgroup2', 'rw,nsdelegate,memory_recursiveprot')}\n`);
  const dir = `sys/fs/cgroup two${options.dir ?? path}`;
  write(`${dir}/cpu.stat`, 'usage_usec 1500000\nuser_usec 1000000\nsystem_usec 500000\nnr_periods 0\n');
  write(`${dir}/memory.current`, `${12 * mib}\n`);
  write(`${dir}/memory.max`, `${options.memoryMax ?? 'max'}\n`);
  write(`${dir}/memory.stat`, ['anon 8388608', `file ${4 * mib}`, 'file_mapped 4096', 'active_file 1048576', `inactive_file ${3 * mib}`, ''].join('\n'));
  write(`${dir}/pids.current`, '2\n');
  write(`${dir}/pids.max`, `${options.pidsMax ?? '100'}\n`);
  if (options.io ?? true) write(`${dir}/io.stat`, '8:0 rbytes=1000 wbytes=2000 rios=1 wios=2 dbytes=0 dios=0\n259:0 rbytes=30 wbytes=40 rios=3 wios=4 dbytes=0 dios=0\n');
  writeProc([`0::${path}`]);
}

const newCgroups = (options: { maxOpenFiles?: number } = {}) => new HostCgroups({ procRoot: join(root, 'proc'), onlineCpus: 2, ...options });

describe('HostCgroups on cgroup v1', () => {
  beforeEach(() => {
    writeV1Mounts(false);
    writeV1Container();
    writeProc(v1CgroupFile());
  });

  it('reads every counter into the engine\'s stats shape: MemTotal for no memory limit, pids max as 0, lo left out, Total not an entry', () => {
    cgroups = newCgroups();
    expect(cgroups.add(id, pid, { networkMode: 'bridge' })).toBe(true);
    const reading = cgroups.read().get(id);
    expect(reading).toEqual({
      read: expect.any(String) as string,
      cpu_stats: { cpu_usage: { total_usage: 1_000_000_000 }, system_cpu_usage: (1000 + 500 + 8000 + 100 + 50) * 10_000_000, online_cpus: 2 },
      memory_stats: { usage: 10 * mib, limit: memTotalKib * 1024, stats: { total_inactive_file: 2 * mib, total_cache: 3 * mib } },
      pids_stats: { current: 3, limit: 0 },
      networks: { eth0: { rx_bytes: 1500, tx_bytes: 700 }, eth1: { rx_bytes: 40, tx_bytes: 60 } },
      blkio_stats: {
        io_service_bytes_recursive: [
          { op: 'Read', value: 4096 },
          { op: 'Write', value: 8192 },
          { op: 'Sync', value: 8192 },
          { op: 'Async', value: 4096 },
          { op: 'Discard', value: 0 },
          { op: 'Total', value: 12288 },
        ],
      },
    });
    expect(reading).not.toHaveProperty('precpu_stats');
    expect(Math.abs(Date.parse(reading?.read ?? '') - Date.now())).toBeLessThan(5000);
  });

  it('keeps a memory limit below MemTotal as it is', () => {
    writeV1Container(`/docker/${id}`, { limit: String(16 * mib) });
    cgroups = newCgroups();
    cgroups.add(id, pid, { networkMode: 'bridge' });
    expect(cgroups.read().get(id)?.memory_stats?.limit).toBe(16 * mib);
  });

  it('gives the previous reading\'s CPU as precpu_stats, so toStatsSample makes the CPU % and memory of the made-up counters', () => {
    cgroups = newCgroups();
    cgroups.add(id, pid, { networkMode: 'bridge' });
    const first = cgroups.read().get(id);
    // 0.5 s of the container's CPU time while the host's two CPUs ran 2 s (200 ticks); steal (the 8th field) is not counted.
    writeV1Container(`/docker/${id}`, { usage: 1_500_000_000 });
    writeProc(v1CgroupFile(), 'cpu  1080 0 540 8070 100 0 60 50 0 0');
    const second = cgroups.read().get(id);
    expect(second?.precpu_stats).toEqual(first?.cpu_stats);
    if (!second) throw new Error('no second reading');
    const sample = toStatsSample(second, Date.now(), { cpuLimitCpus: 0, pidsLimit: 0, previous: null });
    expect(sample).toMatchObject({ cpuPercent: 50, onlineCpus: 2, memoryUsageBytes: 8 * mib, memoryCacheBytes: 3 * mib, memoryLimitBytes: memTotalKib * 1024, pids: 3, pidsLimit: 0 });
    expect(sample).toMatchObject({ networkRxBytes: 1540, networkTxBytes: 760, blockReadBytes: 4096, blockWriteBytes: 8192 });
  });

  it('reads /proc/stat once per reading for all the containers', () => {
    const second = otherId;
    writeV1Container(`/docker/${second}`);
    write('proc/4243/cgroup', `${v1CgroupFile(`/docker/${second}`).join('\n')}\n`);
    cgroups = newCgroups();
    cgroups.add(id, pid, { networkMode: 'none' });
    cgroups.add(second, 4243, { networkMode: 'none' });
    expect(fixtureFds().filter((path) => path.endsWith('/proc/stat'))).toHaveLength(1);
    const readings = cgroups.read();
    expect([...readings.keys()].sort()).toEqual([id, second].sort());
    expect(readings.get(id)?.cpu_stats?.system_cpu_usage).toBe(readings.get(second)?.cpu_stats?.system_cpu_usage);
  });

  it('reports no networks for host or none networking, and does not open net/dev for them', () => {
    cgroups = newCgroups();
    cgroups.add(id, pid, { networkMode: 'host' });
    expect(cgroups.read().get(id)).not.toHaveProperty('networks');
    expect(fixtureFds().some((path) => path.endsWith('/net/dev'))).toBe(false);
    cgroups.add(id, pid, { networkMode: 'none' });
    expect(cgroups.read().get(id)).not.toHaveProperty('networks');
    cgroups.add(id, pid, { networkMode: 'container:abc' });
    expect(Object.keys(cgroups.read().get(id)?.networks ?? {})).toEqual(['eth0', 'eth1']);
  });

  it('reports no networks when the namespace has only lo', () => {
    write(`proc/${pid}/net/dev`, netDev(['    lo:    9999      10    0    0    0     0          0         0     9999      10    0    0    0     0       0          0']));
    cgroups = newCgroups();
    cgroups.add(id, pid, { networkMode: 'bridge' });
    expect(cgroups.read().get(id)).not.toHaveProperty('networks');
  });

  it('prefers the CFQ blkio file when the kernel has one with entries, else the throttle one', () => {
    const blkio = `sys/fs/cgroup/blkio/docker/${id}`;
    write(`${blkio}/blkio.io_serviced_recursive`, 'Total 0\n');
    write(`${blkio}/blkio.io_service_bytes_recursive`, 'Total 0\n');
    cgroups = newCgroups();
    cgroups.add(id, pid, { networkMode: 'none' });
    expect(cgroups.read().get(id)?.blkio_stats?.io_service_bytes_recursive?.[0]).toEqual({ op: 'Read', value: 4096 });
    write(`${blkio}/blkio.io_service_bytes_recursive`, '8:16 Read 111\n8:16 Write 222\n8:16 Total 333\nTotal 333\n');
    expect(cgroups.read().get(id)?.blkio_stats?.io_service_bytes_recursive).toEqual([
      { op: 'Read', value: 111 },
      { op: 'Write', value: 222 },
      { op: 'Total', value: 333 },
    ]);
  });

  it('re-reads the limits only when told (after an update)', () => {
    cgroups = newCgroups();
    cgroups.add(id, pid, { networkMode: 'none' });
    write(`sys/fs/cgroup/memory/docker/${id}/memory.limit_in_bytes`, `${32 * mib}\n`);
    write(`sys/fs/cgroup/pids/docker/${id}/pids.max`, '64\n');
    expect(cgroups.read().get(id)).toMatchObject({ memory_stats: { limit: memTotalKib * 1024 }, pids_stats: { limit: 0 } });
    expect(cgroups.refreshLimits(id)).toBe(true);
    expect(cgroups.read().get(id)).toMatchObject({ memory_stats: { limit: 32 * mib }, pids_stats: { limit: 64 } });
    expect(cgroups.refreshLimits(otherId)).toBe(false);
  });

  it('refuses a pid whose cgroup does not name the id, and keeps nothing open', () => {
    cgroups = newCgroups();
    expect(cgroups.add(otherId, pid, { networkMode: 'bridge' })).toBe(false);
    expect(cgroups.has(otherId)).toBe(false);
    expect(cgroups.openFileCount).toBe(0);
    expect(fixtureFds()).toEqual([]);
    expect(cgroups.read().size).toBe(0);
  });

  it('refuses pid 0, a missing process, a short id, a path outside its cgroup namespace, and a missing needed file', () => {
    cgroups = newCgroups();
    expect(cgroups.add(id, 0, { networkMode: 'none' })).toBe(false);
    expect(cgroups.add(id, 999_999, { networkMode: 'none' })).toBe(false);
    expect(cgroups.add(id.slice(0, 12), pid, { networkMode: 'none' })).toBe(false);
    writeProc(v1CgroupFile(`/../../docker/${id}`));
    expect(cgroups.add(id, pid, { networkMode: 'none' })).toBe(false);
    writeProc(v1CgroupFile());
    rmSync(join(root, `sys/fs/cgroup/memory/docker/${id}/memory.stat`));
    expect(cgroups.add(id, pid, { networkMode: 'none' })).toBe(false);
    expect(fixtureFds()).toEqual([]);
  });

  it('refuses one whose pids cgroup is not the container\'s, though its CPU and memory are', () => {
    writeProc([...v1CgroupFile().filter((line) => !line.includes(':pids:')), `12:pids:/user.slice`]);
    cgroups = newCgroups();
    expect(cgroups.add(id, pid, { networkMode: 'none' })).toBe(false);
  });

  it('counts a process that moved deeper (systemd\'s init.scope) as its whole container cgroup', () => {
    writeV1Container(`/system.slice/docker-${id}.scope`);
    writeProc(v1CgroupFile(`/system.slice/docker-${id}.scope/init.scope`));
    cgroups = newCgroups();
    expect(cgroups.add(id, pid, { networkMode: 'none' })).toBe(true);
    expect(cgroups.read().get(id)?.memory_stats?.usage).toBe(10 * mib);
  });

  it('closes a container\'s files on remove and everything on dispose', () => {
    cgroups = newCgroups();
    cgroups.add(id, pid, { networkMode: 'bridge' });
    // cpuacct.usage, memory.usage_in_bytes, memory.stat, pids.current, the throttle blkio file and net/dev; and /proc/stat.
    expect(fixtureFds()).toHaveLength(7);
    expect(cgroups.openFileCount).toBe(7);
    cgroups.remove(id);
    expect(cgroups.has(id)).toBe(false);
    expect(fixtureFds().filter((path) => !path.endsWith('/proc/stat'))).toEqual([]);
    expect(cgroups.read().size).toBe(0);
    cgroups.add(id, pid, { networkMode: 'bridge' });
    cgroups.dispose();
    expect(fixtureFds()).toEqual([]);
    expect(cgroups.add(id, pid, { networkMode: 'bridge' })).toBe(false);
  });

  it('adding an added container again reads it afresh, without leaking the old files; a failed one drops them', () => {
    cgroups = newCgroups();
    cgroups.add(id, pid, { networkMode: 'bridge' });
    cgroups.read();
    expect(cgroups.add(id, pid, { networkMode: 'bridge' })).toBe(true);
    expect(fixtureFds()).toHaveLength(7);
    expect(cgroups.read().get(id)).not.toHaveProperty('precpu_stats');
    // Again with a pid that is no longer the container's: the earlier files go as well.
    writeProc(v1CgroupFile(`/docker/${otherId}`));
    expect(cgroups.add(id, pid, { networkMode: 'bridge' })).toBe(false);
    expect(cgroups.has(id)).toBe(false);
    expect(fixtureFds()).toEqual([]);
  });

  it('leaves out and forgets a container whose files are gone, closing them', () => {
    cgroups = newCgroups();
    cgroups.add(id, pid, { networkMode: 'bridge' });
    write(`sys/fs/cgroup/cpu,cpuacct/docker/${id}/cpuacct.usage`, '');
    expect(cgroups.read().has(id)).toBe(false);
    expect(cgroups.has(id)).toBe(false);
    expect(fixtureFds().filter((path) => !path.endsWith('/proc/stat'))).toEqual([]);
  });

  it('refuses a container past the open-file budget', () => {
    cgroups = newCgroups({ maxOpenFiles: 5 });
    expect(cgroups.add(id, pid, { networkMode: 'bridge' })).toBe(false);
    expect(cgroups.add(id, pid, { networkMode: 'none' })).toBe(true);
  });
});

describe('HostCgroups on a hybrid host', () => {
  it('reads the v1 controllers, not the unified v2 mount beside them', () => {
    writeV1Mounts(true);
    writeV1Container();
    writeProc(v1CgroupFile(`/docker/${id}`, true));
    // The unified hierarchy has the container's cgroup too, without memory or CPU controllers.
    write(`sys/fs/cgroup/unified/docker/${id}/cgroup.procs`, `${pid}\n`);
    cgroups = newCgroups();
    expect(cgroups.add(id, pid, { networkMode: 'bridge' })).toBe(true);
    expect(cgroups.read().get(id)).toMatchObject({ cpu_stats: { cpu_usage: { total_usage: 1_000_000_000 } }, memory_stats: { usage: 10 * mib, stats: { total_inactive_file: 2 * mib } } });
  });

  it('reads v2 when the v1 memory and cpuacct controllers are not mounted', () => {
    const path = `/docker/${id}`;
    writeV2(path);
    const mountInfo = join(root, 'proc/self/mountinfo');
    write('proc/self/mountinfo', `${mountLine(7, join(root, 'sys/fs/cgroup/systemd'), 'cgroup', 'rw,name=systemd')}\n${readFileSync(mountInfo, 'latin1')}`);
    writeProc([`1:name=systemd:${path}`, `0::${path}`]);
    cgroups = newCgroups();
    expect(cgroups.add(id, pid, { networkMode: 'none' })).toBe(true);
    expect(cgroups.read().get(id)?.memory_stats?.usage).toBe(12 * mib);
  });
});

describe('HostCgroups on cgroup v2', () => {
  it('reads cpu.stat, memory.current and memory.stat, pids and io.stat: max memory as MemTotal', () => {
    writeV2(`/system.slice/docker-${id}.scope`);
    cgroups = newCgroups();
    expect(cgroups.add(id, pid, { networkMode: 'bridge' })).toBe(true);
    expect(cgroups.read().get(id)).toEqual({
      read: expect.any(String) as string,
      cpu_stats: { cpu_usage: { total_usage: 1_500_000_000 }, system_cpu_usage: 9650 * 10_000_000, online_cpus: 2 },
      memory_stats: { usage: 12 * mib, limit: memTotalKib * 1024, stats: { inactive_file: 3 * mib, file: 4 * mib } },
      pids_stats: { current: 2, limit: 100 },
      networks: { eth0: { rx_bytes: 1500, tx_bytes: 700 }, eth1: { rx_bytes: 40, tx_bytes: 60 } },
      blkio_stats: {
        io_service_bytes_recursive: [
          { op: 'read', value: 1000 },
          { op: 'write', value: 2000 },
          { op: 'read', value: 30 },
          { op: 'write', value: 40 },
        ],
      },
    });
  });

  it('gives pids max as 0 and keeps a set memory limit; toStatsSample takes inactive_file off the usage', () => {
    const scope = `/machine.slice/libpod-${id}.scope`;
    writeV2(`${scope}/container`, { dir: scope, memoryMax: String(64 * mib), pidsMax: 'max', io: false });
    cgroups = newCgroups();
    // Podman's process sits in `container` under the scope that names the id: the scope is read.
    expect(cgroups.add(id, pid, { networkMode: 'bridge' })).toBe(true);
    const reading = cgroups.read().get(id);
    expect(reading).toMatchObject({ memory_stats: { limit: 64 * mib }, pids_stats: { current: 2, limit: 0 } });
    expect(reading?.blkio_stats?.io_service_bytes_recursive).toEqual([]);
    if (!reading) throw new Error('no reading');
    expect(toStatsSample(reading, Date.now(), { cpuLimitCpus: 0, pidsLimit: 0, previous: null })).toMatchObject({ memoryUsageBytes: 9 * mib, memoryCacheBytes: 4 * mib, pidsLimit: 0 });
  });

  it('refuses a cgroup that names another container', () => {
    writeV2(`/docker/${otherId}`);
    cgroups = newCgroups();
    expect(cgroups.add(id, pid, { networkMode: 'bridge' })).toBe(false);
    expect(fixtureFds()).toEqual([]);
  });
});

