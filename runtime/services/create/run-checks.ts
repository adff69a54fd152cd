import type { FieldIssue, RunSpec, RunWarning } from '../../api/index.js';

/**
 * The image reference grammar of the distribution project, simplified to what users write:
 * `[host[:port]/]path[:tag][@digest]`, lowercase path components separated by `/`.
 */
const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const host = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
const referencePattern = new RegExp(`^(?:${host}/)?${component}(?:/${component})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);

export function checkImageReference(reference: string): string | null {
  if (reference.length > 255) return 'is longer than 255 characters';
  if (!referencePattern.test(reference)) return 'is not a valid image reference (like busybox, registry:5000/team/app:1.2 or app@sha256:...)';
  return null;
}

/** Pure checks of a parsed RunSpec: things that need no engine. */
export function checkSpecShape(spec: RunSpec): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const imageProblem = checkImageReference(spec.image);
  if (imageProblem) issues.push({ field: 'image', message: imageProblem });
  const targets = new Map<string, number>();
  spec.mounts.forEach((mount, index) => {
    if (!mount.target.startsWith('/')) issues.push({ field: `mounts.${index}.target`, message: 'must be an absolute path in the container' });
    const earlier = targets.get(mount.target);
    if (earlier !== undefined) issues.push({ field: `mounts.${index}.target`, message: `is already used by mount ${earlier + 1}` });
    targets.set(mount.target, index);
    if (mount.type === 'bind' && !mount.source.startsWith('/')) issues.push({ field: `mounts.${index}.source`, message: 'must be an absolute path on the engine host' });
  });
  const seenPorts = new Set<string>();
  spec.ports.forEach((port, index) => {
    if (port.hostPort === undefined) return;
    const key = `${port.hostIp ?? ''}:${port.hostPort}/${port.protocol}`;
    if (seenPorts.has(key)) issues.push({ field: `ports.${index}.hostPort`, message: `host port ${port.hostPort} is published twice` });
    seenPorts.add(key);
  });
  if (spec.restart && spec.restart.name !== 'on-failure' && spec.restart.maxRetries) {
    issues.push({ field: 'restart.maxRetries', message: 'only applies to the on-failure policy' });
  }
  if (spec.autoRemove && spec.restart && spec.restart.name !== 'no') {
    issues.push({ field: 'autoRemove', message: 'cannot be combined with a restart policy (the engine refuses it)' });
  }
  return issues;
}

const engineSockets = ['/var/run/docker.sock', '/run/docker.sock', '/run/podman/podman.sock'];

/** Dangerous choices, each with what it gives away. `engineSocket` is the connected engine's own socket path. */
export function dangerWarnings(spec: RunSpec, engineSocket: string | null): RunWarning[] {
  const warnings: RunWarning[] = [];
  if (spec.privileged) warnings.push({ field: 'privileged', message: 'Privileged: the container gets every capability and all host devices; it can take over the host.' });
  if (spec.network === 'host') warnings.push({ field: 'network', message: "Host network: the container shares the host's network stack and can reach every service listening on it." });
  if (spec.pidMode === 'host') warnings.push({ field: 'pidMode', message: "Host PID: the container sees and can signal every process on the host." });
  if (spec.ipcMode === 'host') warnings.push({ field: 'ipcMode', message: "Host IPC: the container shares the host's shared memory and semaphores." });
  spec.mounts.forEach((mount, index) => {
    if (mount.type !== 'bind') return;
    if (engineSockets.includes(mount.source) || mount.source === engineSocket) {
      warnings.push({ field: `mounts.${index}.source`, message: 'The engine socket: the container can control the engine, which is root on the host.' });
    }
  });
  spec.capAdd.forEach((capability, index) => {
    const name = capability.toUpperCase().replace(/^CAP_/, '');
    if (name === 'SYS_ADMIN') warnings.push({ field: `capAdd.${index}`, message: 'SYS_ADMIN: mounts, namespaces and much more; close to privileged.' });
    if (name === 'NET_ADMIN') warnings.push({ field: `capAdd.${index}`, message: 'NET_ADMIN: the container can reconfigure networking, firewall rules and routes.' });
    if (name === 'ALL') warnings.push({ field: `capAdd.${index}`, message: 'ALL capabilities: nearly everything root can do on the host.' });
  });
  return warnings;
}
