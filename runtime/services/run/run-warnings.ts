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
  return warnings;
}

/** `/var/run//docker.sock/` -> `/var/run/docker.sock`: only the spelling, no filesystem access. */
function normalizePath(path: string): string {
  const collapsed = path.replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}
