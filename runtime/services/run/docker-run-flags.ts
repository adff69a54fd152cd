/**
 * Every flag `docker run` / `docker create` knows (docker CLI 28), so a pasted command can
 * tell "a docker flag Berth does not support yet" from "not a docker flag at all", and knows
 * whether a flag takes a value (which decides what the next word is).
 */

export interface DockerRunFlag {
  /** The long name without dashes, e.g. `publish`. */
  name: string;
  /** Single-letter alias, e.g. `p`. */
  short?: string;
  /** Boolean flags take no value (but accept `--flag=true|false`). */
  takesValue: boolean;
}

const valueFlags = [
  'add-host', 'annotation', 'attach:a', 'blkio-weight', 'blkio-weight-device', 'cap-add', 'cap-drop', 'cgroup-parent',
  'cgroupns', 'cidfile', 'cpu-count', 'cpu-percent', 'cpu-period', 'cpu-quota', 'cpu-rt-period', 'cpu-rt-runtime',
  'cpu-shares:c', 'cpus', 'cpuset-cpus', 'cpuset-mems', 'detach-keys', 'device', 'device-cgroup-rule', 'device-read-bps',
  'device-read-iops', 'device-write-bps', 'device-write-iops', 'dns', 'dns-option', 'dns-opt', 'dns-search', 'domainname',
  'entrypoint', 'env:e', 'env-file', 'expose', 'gpus', 'group-add', 'health-cmd', 'health-interval', 'health-retries',
  'health-start-interval', 'health-start-period', 'health-timeout', 'hostname:h', 'io-maxbandwidth', 'io-maxiops', 'ip',
  'ip6', 'ipc', 'isolation', 'kernel-memory', 'label:l', 'label-file', 'link', 'link-local-ip', 'log-driver', 'log-opt',
  'mac-address', 'memory:m', 'memory-reservation', 'memory-swap', 'memory-swappiness', 'mount', 'name', 'network', 'net',
  'network-alias', 'net-alias', 'oom-score-adj', 'pid', 'pids-limit', 'platform', 'publish:p', 'pull', 'restart', 'runtime',
  'security-opt', 'shm-size', 'stop-signal', 'stop-timeout', 'storage-opt', 'sysctl', 'tmpfs', 'ulimit', 'user:u', 'userns',
  'uts', 'volume:v', 'volume-driver', 'volumes-from', 'workdir:w',
];

const booleanFlags = [
  'detach:d', 'disable-content-trust', 'help', 'init', 'interactive:i', 'no-healthcheck', 'oom-kill-disable', 'privileged',
  'publish-all:P', 'quiet:q', 'read-only', 'rm', 'sig-proxy', 'tty:t', 'use-api-socket',
];

function define(entries: string[], takesValue: boolean): DockerRunFlag[] {
  return entries.map((entry) => {
    const [name = entry, short] = entry.split(':');
    return short === undefined ? { name, takesValue } : { name, short, takesValue };
  });
}

/** Every flag, as the CLI knows it. */
export const dockerRunFlags: readonly DockerRunFlag[] = [...define(valueFlags, true), ...define(booleanFlags, false)];
const allFlags = dockerRunFlags;
const byLong = new Map(allFlags.map((flag) => [flag.name, flag]));
const byShort = new Map(allFlags.flatMap((flag) => (flag.short === undefined ? [] : [[flag.short, flag] as const])));

export function flagByLongName(name: string): DockerRunFlag | undefined {
  return byLong.get(name);
}

export function flagByShortName(letter: string): DockerRunFlag | undefined {
  return byShort.get(letter);
}

/** How a flag reads in messages: `--publish (-p)`. */
export function describeFlag(flag: DockerRunFlag): string {
  return flag.short === undefined ? `--${flag.name}` : `--${flag.name} (-${flag.short})`;
}
