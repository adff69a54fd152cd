// Test-only: pasted `docker run` command lines for the contract fuzz. Random text almost never
// gets past "must start with docker run", so the parser's flags and values would go unfuzzed.
import fc from 'fast-check';

const starts = ['docker run', 'docker create', 'docker container run', 'sudo docker run', 'docker', 'docker -H tcp://x run', 'podman run', ''];

const flags = [
  '-d', '-i', '-t', '-it', '-dit', '-dx', '--rm', '--init', '--privileged', '-P', '--read-only', '--tty=false', '-p', '--publish', '-e', '--env',
  '-v', '--volume', '--mount', '--tmpfs', '--name', '-m', '--memory', '--memory-swap', '--memory-reservation', '--cpus', '--cpu-shares',
  '--cpuset-cpus', '--pids-limit', '--restart', '--network', '--net', '--hostname', '-h', '--add-host', '--dns', '-u', '-w', '-l', '--label',
  '--entrypoint', '--entrypoint=', '--cap-add', '--cap-drop', '--pid', '--ipc', '--ulimit', '--log-driver', '--env-file', '--pull', '--platform',
  '--unknown-flag', '-Z', '--', '-', '--=',
];

const values = [
  '80', '8080:80', '127.0.0.1:8080:80/udp', '[::1]:80:80', '1-3:1-3', '0-65535:0-65535', ':80', '80:', '65536:80', 'A=B', 'A', '=x', 'A=',
  '/a:/b', '/a:/b:ro', 'vol:/data', '/data', 'type=bind,source=/a,target=/b', 'type=tmpfs,destination=/t,tmpfs-size=1m', 'type=volume',
  '1g', '6m', '1.5g', '-1', '0', '1.5', '0.001', '1e400', '9999999999999999999999', '0-2,4', '0-99999999', 'always', 'on-failure:3',
  'on-failure:-1', 'unless-stopped:2', 'host', 'none', 'container:web', 'name:1.2.3.4', 'name', '1000:1000', '/work', 'work', 'SYS_ADMIN',
  'ALL', 'nofile=1024:2048', "'a b'", '"x y"', '$HOME', '${X:-y}', '\\', "'", '"', '=', '&&', '|', ';', '`id`', '$(id)',
  'busybox', 'busybox:latest', 'BusyBox', 'registry:5000/app@sha256:abc', 'sh', '-c', "'echo hi'", 'x'.repeat(300),
];

/** A command line shaped like a pasted `docker run`: a start, flags and values in any order, an image and a command. */
export const dockerRunLine: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...starts),
    fc.array(fc.oneof(fc.constantFrom(...flags), fc.constantFrom(...values), fc.string({ maxLength: 8 })), { maxLength: 14 }),
    fc.constantFrom(' ', ' \\\n  ', '\t', '  '),
  )
  .map(([start, words, separator]) => [start, ...words].filter((word) => word !== '').join(separator))
  .filter((line) => line.length > 0);
