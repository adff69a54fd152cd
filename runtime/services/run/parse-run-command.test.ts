import { describe, expect, it } from 'vitest';
import { BerthError } from '../../api/index.js';
import { dockerRunFlags } from './docker-run-flags.js';
import { parseRunCommand } from './parse-run-command.js';

const spec = (line: string) => parseRunCommand(line).spec;
const MiB = 1024 * 1024;

function refusal(line: string): BerthError {
  try {
    parseRunCommand(line);
  } catch (error) {
    if (error instanceof BerthError) return error;
    throw error;
  }
  throw new Error(`expected ${line} to be refused`);
}

describe('parseRunCommand: the command name', () => {
  it('accepts docker run, docker container run, docker create and sudo', () => {
    for (const line of ['docker run busybox', 'docker container run busybox', 'sudo docker run busybox', 'docker container create busybox']) {
      expect(spec(line)).toEqual({ image: 'busybox' });
    }
    expect(parseRunCommand('docker create busybox').warnings.join()).toMatch(/Create only/);
  });

  it('refuses other commands, global options and several commands', () => {
    expect(refusal('docker ps').message).toMatch(/docker run/);
    expect(refusal('podman run busybox').message).toMatch(/must start with "docker run"/);
    expect(refusal('docker -H tcp://x run busybox').message).toMatch(/-H is not supported/);
    expect(refusal('docker run busybox && docker run busybox').message).toMatch(/single docker run command can be pasted; found "&&"/);
    expect(refusal('docker run busybox | cat').details).toEqual({ field: 'command' });
  });

  it('refuses an unclosed quote, naming the command field and the quote', () => {
    expect(refusal(`docker run busybox echo 'oops`).message).toBe('The command has an unclosed single quote.');
    expect(refusal(`docker run busybox echo "oops`).details).toEqual({ field: 'command' });
  });

  it('reads a pasted multi-line command with comments and CRLF line ends', () => {
    expect(spec('docker run \\\r\n  --name web \\\r\n  busybox # the image\r\n')).toEqual({ image: 'busybox', name: 'web' });
  });

  it('splits image and command at the first word that is not a flag', () => {
    expect(spec('docker run -d busybox sh -c "echo hi; sleep 1" -e X')).toEqual({ image: 'busybox', command: ['sh', '-c', 'echo hi; sleep 1', '-e', 'X'] });
    expect(spec('docker run -- busybox -x')).toEqual({ image: 'busybox', command: ['-x'] });
    expect(refusal('docker run -d').message).toMatch(/names no image/);
  });
});

describe('parseRunCommand: flag spellings', () => {
  it('reads --flag value, --flag=value, -f value, -fvalue and -f=value', () => {
    const expected = { image: 'b', env: [{ key: 'A', value: '1' }] };
    for (const form of ['--env A=1', '--env=A=1', '-e A=1', '-eA=1', '-e=A=1']) expect(spec(`docker run ${form} b`)).toEqual(expected);
  });

  it('reads combined short flags, with a value-taking flag last', () => {
    expect(spec('docker run -dit b')).toEqual({ image: 'b', interactive: true, tty: true });
    expect(spec('docker run -itp 8080:80 b')).toEqual({ image: 'b', interactive: true, tty: true, ports: [{ hostPort: 8080, containerPort: 80, protocol: 'tcp' }] });
    expect(spec('docker run -tP b')).toEqual({ image: 'b', tty: true, publishAll: true });
  });

  it('reads booleans with =true / =false', () => {
    expect(spec('docker run --rm=true --init=false --privileged b')).toEqual({ image: 'b', autoRemove: true, init: false, privileged: true });
    expect(refusal('docker run --rm=yes b').message).toMatch(/--rm=yes: expected true or false/);
  });

  it('accepts and ignores -d and the terminal-only flags, with one note each', () => {
    const parsed = parseRunCommand('docker run -d --detach -a stdout --attach=stderr --sig-proxy=false --detach-keys ctrl-x -q --disable-content-trust --cidfile /tmp/id b');
    expect(parsed.spec).toEqual({ image: 'b' });
    const notes = parsed.warnings;
    expect(notes).toHaveLength(6);
    for (const flag of ['-a/--attach', '--sig-proxy', '--detach-keys', '--cidfile', '-q/--quiet', '--disable-content-trust']) {
      expect(notes.filter((note) => note.startsWith(`${flag} is ignored`))).toHaveLength(1);
    }
  });

  it('names an unknown flag', () => {
    expect(refusal('docker run --frobnicate b').message).toBe('Unknown flag: --frobnicate is not a docker run flag.');
    expect(refusal('docker run -dZ b').message).toMatch(/-Z is not a docker run flag \(in -dZ\)/);
    expect(refusal('docker run -dZ b').details).toEqual({ field: 'command' });
  });

  it('refuses --use-api-socket and --help with their reasons, and more than one network', () => {
    expect(refusal('docker run --use-api-socket b').message).toMatch(/^--use-api-socket is not supported: it would copy your registry credentials/);
    expect(refusal('docker run --help b').message).toMatch(/--help prints docker's usage/);
    expect(refusal('docker run --network a --network b x').message).toBe('--network given twice: Berth creates a container on one network; connect the others once it is created (its page, or berth api networks.connect).');
    // An engine that could not take several says which version can.
    expect(() => parseRunCommand('docker run --network a --net b x', { engine: { apiVersion: '1.41', os: 'linux' } })).toThrow(
      '--net given twice: connecting a new container to several networks needs engine API 1.44 (Docker Engine 25.0) or later; this engine speaks API 1.41: create it on one and connect the others once it is created (its page, or berth api networks.connect).',
    );
  });

  it('needs a value after a value flag', () => {
    expect(spec('docker run b --name')).toEqual({ image: 'b', command: ['--name'] }); // after the image: the command's
    expect(refusal('docker run --name').message).toBe('--name needs a value.');
  });
});

describe('parseRunCommand: every RunSpec option', () => {
  it('reads the plain options', () => {
    const line = `docker run --name /web -h host1 -u 1000:1000 -w /srv --network my-net --pid host --ipc shareable
      --entrypoint /bin/sh -l a=1 --label b --label=c=x=y -e K -e E= --add-host db:10.0.0.1 --add-host gw=1.2.3.4
      --dns 1.1.1.1 --cap-add NET_ADMIN --cap-drop ALL --read-only --init --rm -i -t img:1 -c 'echo hi'`;
    const parsed = parseRunCommand(line);
    expect(parsed.spec).toEqual({
      image: 'img:1',
      name: 'web',
      hostname: 'host1',
      user: '1000:1000',
      workdir: '/srv',
      network: 'my-net',
      pidMode: 'host',
      ipcMode: 'shareable',
      entrypoint: ['/bin/sh'],
      labels: { a: '1', b: '', c: 'x=y' },
      env: [{ key: 'K' }, { key: 'E', value: '' }],
      extraHosts: ['db:10.0.0.1', 'gw:1.2.3.4'],
      dns: ['1.1.1.1'],
      capAdd: ['NET_ADMIN'],
      capDrop: ['ALL'],
      readOnlyRootfs: true,
      init: true,
      autoRemove: true,
      interactive: true,
      tty: true,
      command: ['-c', 'echo hi'],
    });
    expect(parsed.warnings.join('\n')).toMatch(/-e K takes its value from the shell/);
  });

  it('reads --entrypoint "" as "no entrypoint" and never splits an entrypoint', () => {
    expect(spec(`docker run --entrypoint "" b`)).toEqual({ image: 'b', entrypoint: [] });
    expect(spec(`docker run --entrypoint='sh -c' b`)).toEqual({ image: 'b', entrypoint: ['sh -c'] });
  });

  it('reads every -p form', () => {
    expect(spec('docker run -p 80 -p 8080:81 -p 127.0.0.1:8081:82/udp -p 127.0.0.1::83 -p [::1]:8082:84/sctp -p 8000-8001:90-91 -p 100-101 b').ports).toEqual([
      { containerPort: 80, protocol: 'tcp' },
      { hostPort: 8080, containerPort: 81, protocol: 'tcp' },
      { hostIp: '127.0.0.1', hostPort: 8081, containerPort: 82, protocol: 'udp' },
      { hostIp: '127.0.0.1', containerPort: 83, protocol: 'tcp' },
      { hostIp: '::1', hostPort: 8082, containerPort: 84, protocol: 'sctp' },
      { hostPort: 8000, containerPort: 90, protocol: 'tcp' },
      { hostPort: 8001, containerPort: 91, protocol: 'tcp' },
      { containerPort: 100, protocol: 'tcp' },
      { containerPort: 101, protocol: 'tcp' },
    ]);
    expect(spec('docker run -p published=8080,target=80,protocol=udp b').ports).toEqual([{ hostPort: 8080, containerPort: 80, protocol: 'udp' }]);
  });

  it('keeps out-of-range port numbers for validation to name, refuses what is not a port', () => {
    expect(spec('docker run -p 70000:80 b').ports).toEqual([{ hostPort: 70000, containerPort: 80, protocol: 'tcp' }]);
    expect(refusal('docker run -p 80/xtp b').message).toMatch(/^-p: "80\/xtp": protocol must be tcp, udp or sctp/);
    expect(refusal('docker run -p abc b').message).toMatch(/-p: "abc": "abc" is not a port/);
    expect(refusal('docker run -p 1.2.3:80:80 b').message).toMatch(/not an IP address/);
    expect(refusal('docker run -p 8000-8001:80-82 b').message).toMatch(/differ in length/);
    expect(spec('docker run --publish 127.0.0.1:8000-8010:80/udp b').ports).toEqual([{ hostIp: '127.0.0.1', hostPort: 8000, hostPortEnd: 8010, containerPort: 80, protocol: 'udp' }]);
  });

  it('reads every -v form', () => {
    const parsed = parseRunCommand('docker run -v /srv/data:/data -v /etc/hosts:/h:ro -v cache:/cache -v logs:/logs:rw -v /anon -v ./rel:/rel b');
    expect(parsed.spec.mounts).toEqual([
      { type: 'bind', source: '/srv/data', target: '/data', readOnly: false },
      { type: 'bind', source: '/etc/hosts', target: '/h', readOnly: true },
      { type: 'volume', source: 'cache', target: '/cache', readOnly: false },
      { type: 'volume', source: 'logs', target: '/logs', readOnly: false, options: 'rw' },
      { type: 'anonymous', target: '/anon' },
      { type: 'bind', source: './rel', target: '/rel', readOnly: false },
    ]);
    expect(parsed.warnings.join('\n')).toMatch(/"\.\/rel" is relative/);
    expect(refusal('docker run -v /x:ro b').message).toMatch(/-v: "\/x:ro" is not a valid volume specification/);
    expect(spec('docker run -v /x:/y:ro,Z -v v:/w:nocopy,rw b').mounts).toEqual([
      { type: 'bind', source: '/x', target: '/y', readOnly: true, options: 'Z' },
      { type: 'volume', source: 'v', target: '/w', readOnly: false, options: 'nocopy,rw' },
    ]);
    expect(refusal('docker run -v /x:/y:q b').message).toMatch(/-v: "\/x:\/y:q": invalid mode: q/);
    expect(refusal('docker run -v /x:/y:ro,rw b').message).toMatch(/invalid mode: ro and rw together/);
    expect(refusal('docker run -v a:b:c:d x').message).toMatch(/not a valid volume specification/);
  });

  it('keeps --mount as the engine takes it, never as -v', () => {
    const parsed = parseRunCommand('docker run --mount type=bind,source=/srv,target=/srv,readonly --mount type=volume,src=v1,dst=/v --mount destination=/anon b');
    expect(parsed.spec.mounts).toBeUndefined();
    expect(parsed.spec.mountFlags).toEqual([
      { type: 'bind', source: '/srv', target: '/srv', readOnly: true },
      { type: 'volume', source: 'v1', target: '/v' },
      { type: 'volume', target: '/anon' },
    ]);
    expect(parsed.warnings).toEqual([]);
    expect(refusal('docker run --mount type=bind,src=/a x').message).toBe('--mount type=bind,src=/a: target is required');
  });

  it('reads --tmpfs with and without options', () => {
    expect(spec('docker run --tmpfs /run --tmpfs /tmp:size=64m,mode=1777 b').mounts).toEqual([
      { type: 'tmpfs', target: '/run' },
      { type: 'tmpfs', target: '/tmp', options: 'size=64m,mode=1777' },
    ]);
  });

  it('reads restart policies', () => {
    expect(spec('docker run --restart no b').restart).toEqual({ name: 'no' });
    expect(spec('docker run --restart always b').restart).toEqual({ name: 'always' });
    expect(spec('docker run --restart unless-stopped b').restart).toEqual({ name: 'unless-stopped' });
    expect(spec('docker run --restart on-failure b').restart).toEqual({ name: 'on-failure' });
    expect(spec('docker run --restart on-failure:3 b').restart).toEqual({ name: 'on-failure', maxRetries: 3 });
    expect(refusal('docker run --restart always:3 b').message).toMatch(/--restart: "always:3": a retry count is only allowed with on-failure/);
    expect(refusal('docker run --restart sometimes b').message).toMatch(/not a restart policy/);
  });

  it('reads resources with the CLI units', () => {
    expect(spec('docker run -m 64m --memory-reservation 32MiB --memory-swap -1 --cpus 1.5 -c 512 --cpuset-cpus 0-1 --pids-limit -1 b').resources).toEqual({
      memoryBytes: 64 * MiB,
      memoryReservationBytes: 32 * MiB,
      memorySwapBytes: -1,
      cpus: 1.5,
      cpuShares: 512,
      cpusetCpus: '0-1',
      pidsLimit: -1,
    });
    expect(spec('docker run --memory=1g --memory-swap 2g b').resources).toEqual({ memoryBytes: 1024 * MiB, memorySwapBytes: 2048 * MiB });
    expect(refusal('docker run -m 64x b').message).toBe('-m 64x: not a size (e.g. 512m, 2g).');
    expect(refusal('docker run --cpus lots b').message).toMatch(/--cpus: "lots" is not a number of CPUs/);
    expect(refusal('docker run --pids-limit 1.5 b').message).toMatch(/--pids-limit 1.5: expected a whole number/);
  });

  it('warns that shell variables are taken literally', () => {
    const parsed = parseRunCommand('docker run -e HOME=$HOME -v "$PWD:/src" b');
    expect(parsed.spec.env).toEqual([{ key: 'HOME', value: '$HOME' }]);
    expect(parsed.warnings.join('\n')).toMatch(/does not expand shell variables: HOME=\$HOME \$PWD:\/src/);
  });

  it('refuses an env or label without a name', () => {
    expect(refusal('docker run -e =x b').message).toMatch(/-e =x: the variable has no name/);
    expect(refusal('docker run -l =x b').message).toMatch(/-l =x: the label has no name/);
  });
});

describe('parseRunCommand: every flag docker run knows', () => {
  it.each(dockerRunFlags.map((flag) => [flag.name, flag] as const))('--%s has a meaning in Berth (read, ignored with a note, or refused with its reason), never "not supported yet"', (name, flag) => {
    // A value that may be wrong for the flag: a refusal of the value is a meaning too.
    const line = flag.takesValue ? `docker run --${name} x b` : `docker run --${name} b`;
    try {
      parseRunCommand(line);
    } catch (error) {
      expect(error).toBeInstanceOf(BerthError);
      expect((error as BerthError).message).not.toMatch(/not supported by Berth yet/);
    }
  });
});
