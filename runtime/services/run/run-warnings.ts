import type { RunWarning } from '../../api/index.js';

/**
 * Dangerous choices, each with one line saying what it gives away, shown before the user
 * commits to them. Reads the spec loosely (plain unknown data) so the warnings show even while
 * other fields are still invalid.
 */

/** Where engines usually listen; mounting one (or a folder holding one) hands over the engine. */
export const wellKnownEngineSockets = ['/var/run/docker.sock', '/run/docker.sock'];

const capabilityWarnings: Record<string, string> = {
  ALL: 'Every capability: the container can do almost anything root on the host can.',
  SYS_ADMIN: 'SYS_ADMIN: mounting filesystems and much else root can do; a common way out of a container.',
  NET_ADMIN: 'NET_ADMIN: the container can change interfaces, routes and firewall rules of its network (the host\'s, with host networking).',
};

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

/** `engineSocket`: the socket path of the engine Berth is connected to, when it is local. */
export function runWarnings(input: unknown, engineSocket?: string): RunWarning[] {
  const spec = record(input);
  const warnings: RunWarning[] = [];
  const warn = (field: string, message: string) => warnings.push({ field, message });

  if (spec.privileged === true) warn('privileged', 'Privileged: the container gets every capability and every host device, which amounts to root on the host.');
  if (spec.network === 'host') warn('network', 'Host network: the container shares the host\'s network, can use any host port and reach services listening only on localhost.');
  if (spec.pidMode === 'host') warn('pidMode', 'Host PID namespace: the container sees every process on the host and can signal those running as its user.');
  if (spec.ipcMode === 'host') warn('ipcMode', 'Host IPC: the container shares the host\'s shared memory, semaphores and message queues.');

  const sockets = [...wellKnownEngineSockets, ...(engineSocket ? [engineSocket] : [])];
  list(spec.mounts).forEach((item, index) => {
    const mount = record(item);
    if (mount.type !== 'bind' || typeof mount.source !== 'string') return;
    const source = normalizePath(mount.source);
    const exposed = sockets.find((socket) => socket === source || socket.startsWith(source === '/' ? '/' : `${source}/`));
    if (exposed) warn(`mounts.${index}.source`, `Mounts the engine socket (${exposed}): whoever controls the container controls the engine, which means root on the host.`);
  });

  list(spec.capAdd).forEach((item, index) => {
    if (typeof item !== 'string') return;
    const name = item.trim().toUpperCase().replace(/^CAP_/, '');
    const message = capabilityWarnings[name];
    if (message) warn(`capAdd.${index}`, message);
  });
  moreWarnings(spec, warn);
  return warnings;
}

/** Block devices that are whole disks or partitions (and device-mapper, loop, RAID and MMC ones). */
const diskDevice = /^\/dev\/((s|h|v|xv)d[a-z]+\d*|nvme\d+(n\d+(p\d+)?)?|mmcblk\d+(p\d+)?|dm-\d+|md\d+|loop\d+|mapper\/.+|disk\/.+)$/;

/** The further flags' dangers: confinement switched off, a disk handed in, the host's namespaces shared, no OOM killer without a limit. */
function moreWarnings(spec: Record<string, unknown>, warn: (field: string, message: string) => void): void {
  const security = record(spec.security);
  list(security.options).forEach((item, index) => {
    if (typeof item !== 'string') return;
    const [key = '', value = ''] = item.split(/[=:]/, 2);
    if (key === 'seccomp' && value === 'unconfined') warn(`security.options.${index}`, 'seccomp=unconfined: every system call is allowed, including those the default profile blocks to keep containers from the kernel.');
    if (key === 'apparmor' && value === 'unconfined') warn(`security.options.${index}`, 'apparmor=unconfined: no AppArmor profile confines what the container may touch.');
    if (key === 'label' && value === 'disable') warn(`security.options.${index}`, 'label=disable: no SELinux label separates the container from the host and other containers.');
    if (item === 'systempaths=unconfined') warn(`security.options.${index}`, 'systempaths=unconfined: /proc and /sys paths that are normally hidden or read-only (such as /proc/kcore) are open to the container.');
  });
  if (security.usernsMode === 'host') warn('security.usernsMode', "Host user namespace: root in the container is root on the host, even where the engine remaps users.");
  if (security.cgroupnsMode === 'host') warn('security.cgroupnsMode', "Host cgroup namespace: the container sees the host's whole cgroup tree.");
  if (security.utsMode === 'host') warn('security.utsMode', "Host UTS namespace: the container shares the host's name and may change it if privileged.");
  list(record(spec.devices).mappings).forEach((item, index) => {
    const source = record(item).source;
    if (typeof source === 'string' && diskDevice.test(source)) {
      warn(`devices.mappings.${index}`, `${source} is a disk: the container can read and write it beneath every filesystem on it, whatever the files' permissions.`);
    }
  });
  const limits = record(spec.limits);
  const memory = record(spec.resources).memoryBytes;
  if (limits.oomKillDisable === true && !(typeof memory === 'number' && memory > 0)) {
    warn('limits.oomKillDisable', 'OOM killer disabled without a memory limit: when memory runs out, the kernel may kill processes on the host instead.');
  }
}

/** `/var/run//docker.sock/` -> `/var/run/docker.sock`: only the spelling, no filesystem access. */
function normalizePath(path: string): string {
  const collapsed = path.replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}
