import type { z } from 'zod';
import { checkResources, type FieldIssue, type RunSpec } from '../../api/index.js';
import { checkImageReference } from '../../api/image-reference.js';
import { moreIssues } from './validate-spec-more.js';

/**
 * The checks of a RunSpec that need nothing but the spec and what the engine said about its
 * host: each problem named by its dotted field, worded to read after the field name, and
 * chosen so the engine would otherwise refuse the same thing (with a less precise message).
 */

export interface HostLimits {
  cpus?: number;
  memoryBytes?: number;
  /** The engine's API version and OS: flags it is too old for (or that are Windows-only) are refused. */
  apiVersion?: string;
  os?: string;
}

/**
 * Zod's problems as RunSpec field issues: `ports.0.hostPort: must be 1-65535`. One per field:
 * the first is the one that matters (an empty env key also "contains '='" to the pattern).
 */
export function schemaIssues(error: z.ZodError): FieldIssue[] {
  const byField = new Map<string, FieldIssue>();
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'spec';
    if (!byField.has(field)) byField.set(field, { field, message: issue.message });
  }
  return [...byField.values()];
}

const volumeNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function specIssues(spec: RunSpec, host: HostLimits): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });

  const reference = checkImageReference(spec.image);
  if (!reference.ok) add('image', reference.reason);

  resourceIssues(spec, host, add);
  mountIssues(spec, add);
  portIssues(spec, add);
  moreIssues(spec, { ...(host.apiVersion === undefined ? {} : { apiVersion: host.apiVersion }), ...(host.os === undefined ? {} : { os: host.os }) }, add);

  if (spec.restart?.maxRetries !== undefined && spec.restart.name !== 'on-failure') add('restart.maxRetries', 'is only allowed with on-failure');
  if (spec.autoRemove && spec.restart && spec.restart.name !== 'no') add('autoRemove', 'cannot be combined with a restart policy (--rm and --restart conflict)');
  if (spec.workdir !== undefined && spec.workdir !== '' && !spec.workdir.startsWith('/')) add('workdir', 'must be an absolute path');
  if (spec.pidMode !== undefined && !/^(host|container:.+)?$/.test(spec.pidMode)) add('pidMode', 'must be host or container:NAME');
  if (spec.ipcMode !== undefined && !/^(none|private|shareable|host|container:.+)?$/.test(spec.ipcMode)) {
    add('ipcMode', 'must be none, private, shareable, host or container:NAME');
  }
  spec.env.forEach((variable, index) => {
    if (variable.key.trim() !== variable.key) add(`env.${index}.key`, 'must not start or end with white space');
  });

  // A container that joins another's network namespace takes its hostname, DNS and ports too.
  if (spec.network?.startsWith('container:')) {
    if (spec.hostname !== undefined) add('hostname', 'cannot be set when sharing another container\'s network');
    if (spec.dns.length > 0) add('dns', 'cannot be set when sharing another container\'s network');
    if (spec.extraHosts.length > 0) add('extraHosts', 'cannot be set when sharing another container\'s network');
    if (spec.ports.length > 0) add('ports', 'cannot be published when sharing another container\'s network');
    if (spec.publishAll) add('publishAll', 'cannot be used when sharing another container\'s network');
  }
  return issues;
}

type Add = (field: string, message: string) => void;

function resourceIssues(spec: RunSpec, host: HostLimits, add: Add): void {
  // The same limit checks `containers.update` makes, so a limit reads the same wherever it is refused.
  const identity = host.cpus !== undefined && host.memoryBytes !== undefined ? { cpus: host.cpus, memoryBytes: host.memoryBytes } : undefined;
  for (const issue of checkResources(spec.resources, identity)) add(issue.field, issue.message);
  const { cpus } = spec.resources;
  if (cpus !== undefined && cpus < 0.01) add('resources.cpus', 'must be at least 0.01');
}

function mountIssues(spec: RunSpec, add: Add): void {
  const targets = new Map<string, string>();
  spec.mounts.forEach((mount, index) => {
    if (mount.type === 'bind' && !mount.source.startsWith('/')) add(`mounts.${index}.source`, 'must be an absolute path on the engine host');
    if ((mount.type === 'bind' || mount.type === 'volume') && mount.readOnly && (mount.options ?? '').split(',').includes('rw')) {
      add(`mounts.${index}.options`, 'has rw, which contradicts read-only');
    }
    if (mount.type === 'volume' && !volumeNamePattern.test(mount.source)) {
      add(`mounts.${index}.source`, 'is not a valid volume name (letters, digits, _ . -; at least two characters)');
    }
    if (!mount.target.startsWith('/')) add(`mounts.${index}.target`, 'must be an absolute path in the container');
    const target = mount.target.length > 1 ? mount.target.replace(/\/+$/, '') : mount.target;
    const earlier = targets.get(target);
    if (earlier !== undefined) add(`mounts.${index}.target`, `${mount.target} is already mounted by ${earlier}`);
    else targets.set(target, `mounts.${index}`);
  });
  spec.mountFlags.forEach((mount, index) => {
    const target = mount.target.length > 1 ? mount.target.replace(/\/+$/, '') : mount.target;
    const earlier = targets.get(target);
    if (earlier !== undefined) add(`mountFlags.${index}.target`, `${mount.target} is already mounted by ${earlier}`);
    else targets.set(target, `mountFlags.${index}`);
  });
}

function portIssues(spec: RunSpec, add: Add): void {
  const seen = new Map<string, number>();
  spec.ports.forEach((port, index) => {
    if (port.hostPortEnd !== undefined && (port.hostPort === undefined || port.hostPortEnd < port.hostPort)) add(`ports.${index}.hostPortEnd`, 'must be at least the host port it ends a range of');
    // A range leaves the engine to choose: nothing to compare.
    if (port.hostPort === undefined || port.hostPortEnd !== undefined) return;
    const key = `${port.hostIp ?? ''}|${port.hostPort}/${port.protocol}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) add(`ports.${index}.hostPort`, `port ${port.hostPort} is already published by ports.${earlier}`);
    else seen.set(key, index);
  });
}
