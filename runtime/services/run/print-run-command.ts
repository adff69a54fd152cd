import { formatByteSize, type MountSpec, type RunSpec } from '../../api/index.js';
import { formatPublishedPort } from '../../api/published-ports.js';
import { formatCpus } from '../../api/resource-text.js';
import { printedValues, tableFlags } from '../../api/run-flag-table.js';
import { writeCsvRecord } from '../../api/csv-fields.js';
import { joinShellWords } from '../../api/shell-words.js';
import { bindText } from './create-body.js';

/**
 * "Copy as docker run": a RunSpec as one `docker run -d ...` line, flags in a fixed order so
 * the same container always prints the same line, words quoted for a POSIX shell. Reading the
 * line back (parse-run-command) gives the same RunSpec.
 *
 * One thing the CLI cannot say: an entrypoint of several words. `--entrypoint` takes one word,
 * so the others go first in the command: the container runs the same program with the same
 * arguments, though the engine records them as command rather than entrypoint.
 */
export function printRunCommand(spec: RunSpec): string {
  const words: string[] = ['docker', 'run', '-d'];
  const flag = (name: string, value?: string) => {
    words.push(name);
    if (value !== undefined) words.push(value);
  };

  if (spec.name !== undefined) flag('--name', spec.name.replace(/^\//, ''));
  if (spec.hostname !== undefined) flag('--hostname', spec.hostname);
  if (spec.user !== undefined) flag('--user', spec.user);
  if (spec.workdir !== undefined) flag('--workdir', spec.workdir);
  if (spec.interactive) flag('-i');
  if (spec.tty) flag('-t');
  if (spec.autoRemove) flag('--rm');
  if (spec.init) flag('--init');
  if (spec.readOnlyRootfs) flag('--read-only');
  if (spec.privileged) flag('--privileged');
  if (spec.network !== undefined) flag('--network', networkText(spec, spec.network));
  if (spec.pidMode !== undefined) flag('--pid', spec.pidMode);
  if (spec.ipcMode !== undefined) flag('--ipc', spec.ipcMode);
  if (spec.restart) {
    const { name, maxRetries } = spec.restart;
    flag('--restart', name === 'on-failure' && maxRetries !== undefined ? `${name}:${maxRetries}` : name);
  }

  const { resources } = spec;
  if (resources.memoryBytes !== undefined) flag('--memory', formatByteSize(resources.memoryBytes));
  if (resources.memoryReservationBytes !== undefined) flag('--memory-reservation', formatByteSize(resources.memoryReservationBytes));
  if (resources.memorySwapBytes !== undefined) flag('--memory-swap', formatByteSize(resources.memorySwapBytes));
  if (resources.cpus !== undefined) flag('--cpus', formatCpus(resources.cpus));
  if (resources.cpuShares !== undefined) flag('--cpu-shares', String(resources.cpuShares));
  if (resources.cpusetCpus !== undefined) flag('--cpuset-cpus', resources.cpusetCpus);
  if (resources.pidsLimit !== undefined) flag('--pids-limit', String(resources.pidsLimit));

  for (const capability of spec.capAdd) flag('--cap-add', capability);
  for (const capability of spec.capDrop) flag('--cap-drop', capability);
  for (const server of spec.dns) flag('--dns', server);
  for (const host of spec.extraHosts) flag('--add-host', host);
  for (const { key, value } of spec.env) flag('-e', value === undefined ? key : `${key}=${value}`);
  for (const [key, value] of Object.entries(spec.labels)) flag('--label', `${key}=${value}`);
  for (const port of spec.ports) flag('-p', formatPublishedPort(port));
  if (spec.publishAll) flag('-P');
  for (const mount of spec.mounts) flag(mount.type === 'tmpfs' ? '--tmpfs' : '-v', mountText(mount));
  // The flags of the flag table, in its order: health, limits, devices, security, networking, logging, lifecycle, --mount.
  for (const row of tableFlags) {
    if (row.withinNetwork) continue;
    for (const value of printedValues(row, spec)) flag(`--${row.name}`, row.kind === 'switch' ? undefined : value);
  }

  const [entrypoint, ...entrypointRest] = spec.entrypoint ?? [];
  if (spec.entrypoint !== undefined) flag('--entrypoint', entrypoint ?? '');
  words.push(spec.image, ...entrypointRest, ...(spec.command ?? []));

  return joinShellWords(words);
}

/** The network's name, or the long form when something is said only there (`name=NET,driver-opt=K=V`). */
function networkText(spec: RunSpec, network: string): string {
  const inside = tableFlags.filter((row) => row.withinNetwork).flatMap((row) => printedValues(row, spec).map((value) => `${row.name}=${value}`));
  return inside.length === 0 ? network : writeCsvRecord([`name=${network}`, ...inside]);
}

function mountText(mount: MountSpec): string {
  switch (mount.type) {
    case 'bind':
    case 'volume':
      return bindText(mount);
    case 'anonymous':
      return mount.target;
    case 'tmpfs':
      return mount.options === undefined || mount.options === '' ? mount.target : `${mount.target}:${mount.options}`;
  }
}
