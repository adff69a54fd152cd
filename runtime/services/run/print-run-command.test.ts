import { describe, expect, it } from 'vitest';
import { runSpecSchema, type MountSpec, type PortSpec, type RunSpec, type RunSpecInput } from '../../api/index.js';
import { parseRunCommand } from './parse-run-command.js';
import { printRunCommand } from './print-run-command.js';

const full = (input: RunSpecInput): RunSpec => runSpecSchema.parse(input);
const roundTrip = (spec: RunSpec): RunSpec => full(parseRunCommand(printRunCommand(spec)).spec);

describe('printRunCommand', () => {
  it('prints a minimal spec', () => {
    expect(printRunCommand(full({ image: 'busybox' }))).toBe('docker run -d busybox');
  });

  it('prints every option in a fixed order, quoting where a shell needs it', () => {
    const spec = full({
      image: 'registry:5000/app:1',
      name: 'web',
      command: ['sh', '-c', "echo 'hi' && sleep 1"],
      entrypoint: [],
      env: [{ key: 'A', value: 'two words' }, { key: 'B' }],
      ports: [{ hostIp: '::1', hostPort: 8080, containerPort: 80 }, { hostIp: '127.0.0.1', containerPort: 81, protocol: 'udp' }, { containerPort: 82 }],
      publishAll: true,
      mounts: [
        { type: 'bind', source: '/srv/my data', target: '/data', readOnly: true },
        { type: 'volume', source: 'cache', target: '/cache' },
        { type: 'anonymous', target: '/anon' },
        { type: 'tmpfs', target: '/tmp', options: 'size=64m' },
      ],
      restart: { name: 'on-failure', maxRetries: 3 },
      resources: { memoryBytes: 64 * 1024 ** 2, memorySwapBytes: -1, cpus: 1.5, cpuShares: 512, cpusetCpus: '0-1', pidsLimit: 100, memoryReservationBytes: 1000 },
      network: 'my-net',
      hostname: 'h',
      extraHosts: ['db:10.0.0.1'],
      dns: ['1.1.1.1'],
      user: 'app',
      workdir: '/srv',
      labels: { team: 'core ops' },
      autoRemove: true,
      interactive: true,
      tty: true,
      readOnlyRootfs: true,
      init: true,
      privileged: true,
      pidMode: 'host',
      ipcMode: 'host',
      capAdd: ['NET_ADMIN'],
      capDrop: ['MKNOD'],
    });
    expect(printRunCommand(spec)).toBe(
      "docker run -d --name web --hostname h --user app --workdir /srv -i -t --rm --init --read-only --privileged --network my-net --pid host --ipc host " +
        '--restart on-failure:3 --memory 64m --memory-reservation 1000 --memory-swap -1 --cpus 1.5 --cpu-shares 512 --cpuset-cpus 0-1 --pids-limit 100 ' +
        "--cap-add NET_ADMIN --cap-drop MKNOD --dns 1.1.1.1 --add-host db:10.0.0.1 -e 'A=two words' -e B --label 'team=core ops' " +
        "-p '[::1]:8080:80' -p 127.0.0.1::81/udp -p 82 -P -v '/srv/my data:/data:ro' -v cache:/cache -v /anon --tmpfs /tmp:size=64m " +
        "--entrypoint '' registry:5000/app:1 sh -c 'echo '\\''hi'\\'' && sleep 1'",
    );
    expect(roundTrip(spec)).toEqual(spec);
  });

  it('puts the words of a multi-word entrypoint first in the command (the CLI takes one)', () => {
    const printed = printRunCommand(full({ image: 'b', entrypoint: ['sh', '-c'], command: ['echo hi'] }));
    expect(printed).toBe("docker run -d --entrypoint sh b -c 'echo hi'");
    expect(parseRunCommand(printed).spec).toEqual({ image: 'b', entrypoint: ['sh'], command: ['-c', 'echo hi'] });
  });
});

/** A small deterministic generator: the same "random" specs on every run, many shapes covered. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const maybe = <T>(make: () => T): T | undefined => (next() < 0.5 ? make() : undefined);
  const listOf = <T>(make: () => T, max = 3): T[] => Array.from({ length: int(0, max) }, make);
  const word = () => pick(['a', 'web', 'two words', "it's", '$HOME', 'x=y', '', '*', 'ünï', 'a\nb', '"q"', '\\']);
  return { int, pick, maybe, listOf, word, next };
}

function randomSpec(seed: number): RunSpec {
  const g = generator(seed);
  const port = (): PortSpec => ({
    containerPort: g.int(1, 65535),
    protocol: g.pick(['tcp', 'udp', 'sctp'] as const),
    ...(g.next() < 0.5 ? { hostPort: g.int(1, 65535) } : {}),
    ...(g.next() < 0.3 ? { hostIp: g.pick(['127.0.0.1', '0.0.0.0', '::1', '10.1.2.3']) } : {}),
  });
  const path = () => `/${g.pick(['data', 'srv/x', 'with space', 'ünï'])}${g.int(0, 99)}`;
  const mount = (): MountSpec =>
    g.pick([
      (): MountSpec => ({ type: 'bind', source: path(), target: path(), readOnly: g.next() < 0.5 }),
      (): MountSpec => ({ type: 'volume', source: g.pick(['cache', 'db-data', 'v.1']), target: path(), readOnly: g.next() < 0.5 }),
      (): MountSpec => ({ type: 'anonymous', target: path() }),
      (): MountSpec => (g.next() < 0.5 ? { type: 'tmpfs', target: path() } : { type: 'tmpfs', target: path(), options: 'size=64m,mode=1777' }),
    ])();
  const restartName = g.pick(['no', 'always', 'unless-stopped', 'on-failure'] as const);
  return full({
    image: g.pick(['busybox', 'busybox:1.36', 'registry:5000/team/app:1.2', `app@sha256:${'a'.repeat(64)}`]),
    name: g.maybe(() => `c${g.int(0, 999)}`),
    command: g.maybe(() => [g.word(), ...g.listOf(g.word, 3)]), // [] prints as "no command", which it means
    entrypoint: g.maybe(() => (g.next() < 0.3 ? [] : [g.pick(['/bin/sh', 'sh -c', 'my entry'])])),
    env: g.listOf(() => (g.next() < 0.2 ? { key: 'ONLY_KEY' } : { key: g.pick(['A', 'PATH', 'my_var', 'ü']), value: g.word() })),
    ports: g.listOf(port),
    publishAll: g.next() < 0.3,
    mounts: g.listOf(mount),
    restart: g.maybe(() => (restartName === 'on-failure' && g.next() < 0.5 ? { name: restartName, maxRetries: g.int(0, 9) } : { name: restartName })),
    resources: {
      memoryBytes: g.maybe(() => g.int(6, 4096) * 1024 * 1024 + g.pick([0, 0, 1, 1024])),
      memoryReservationBytes: g.maybe(() => g.int(1, 1 << 30)),
      memorySwapBytes: g.maybe(() => g.pick([-1, 0, 128 * 1024 * 1024, 12345])),
      cpus: g.maybe(() => g.pick([0.01, 0.1, 0.5, 1, 1.5, 2, 0.333333333])),
      cpuShares: g.maybe(() => g.int(0, 4096)),
      cpusetCpus: g.maybe(() => g.pick(['0', '0-1', '0,2-3'])),
      pidsLimit: g.maybe(() => g.int(-1, 500)),
    },
    network: g.maybe(() => g.pick(['bridge', 'host', 'none', 'container:db', 'my-net'])),
    hostname: g.maybe(() => g.pick(['h', 'web.local'])),
    extraHosts: g.listOf(() => g.pick(['db:10.0.0.1', 'v6:::1', 'gw:host-gateway'])),
    dns: g.listOf(() => g.pick(['1.1.1.1', '::1'])),
    user: g.maybe(() => g.pick(['app', '1000:1000', 'root'])),
    workdir: g.maybe(path),
    labels: Object.fromEntries(g.listOf(() => [g.pick(['a', 'com.example.x', 'with space']), g.word()] as const)),
    autoRemove: g.next() < 0.3,
    interactive: g.next() < 0.3,
    tty: g.next() < 0.3,
    readOnlyRootfs: g.next() < 0.3,
    init: g.next() < 0.3,
    privileged: g.next() < 0.3,
    pidMode: g.maybe(() => g.pick(['host', 'container:db'])),
    ipcMode: g.maybe(() => g.pick(['host', 'private', 'shareable', 'none', 'container:db'])),
    capAdd: g.listOf(() => g.pick(['NET_ADMIN', 'sys_admin', 'ALL'])),
    capDrop: g.listOf(() => g.pick(['MKNOD', 'ALL'])),
  });
}

describe('parse(print(spec)) is spec', () => {
  it.each(Array.from({ length: 300 }, (_, seed) => seed + 1))('random spec #%i', (seed) => {
    const spec = randomSpec(seed);
    expect(roundTrip(spec)).toEqual(spec);
  });
});
