import { describe, expect, it } from 'vitest';
import { BerthError, runSpecSchema } from '../../api/index.js';
import { printedValues, tableFlags } from '../../api/run-flag-table.js';
import type { LocalFiles } from './local-files.js';
import { parseRunCommand } from './parse-run-command.js';
import type { ParseContext } from './spec-draft.js';
import { printRunCommand } from './print-run-command.js';

/** The flags beyond the everyday ones (the flag table): read as the CLI reads them, refused with its reasons, printed back. */

const engine41 = { engine: { apiVersion: '1.41', os: 'linux' } };
const spec = (line: string, context: ParseContext = {}) => parseRunCommand(line, context).spec;

function refusal(line: string, context: ParseContext = {}): string {
  try {
    parseRunCommand(line, context);
  } catch (error) {
    if (error instanceof BerthError) return error.message;
    throw error;
  }
  throw new Error(`expected ${line} to be refused`);
}

/** Files of a pretend machine: what the pasted command names, by absolute path. */
function files(contents: Record<string, string>): LocalFiles {
  return {
    readText(file) {
      const text = contents[file];
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return text;
    },
  };
}

describe('every flag of the flag table', () => {
  it.each(tableFlags.filter((flag) => flag.kind !== 'switch' && !flag.withinNetwork).map((flag) => [flag.name, flag] as const))('--%s reads its example and prints it back the same', (_name, flag) => {
    const line = `docker run --${flag.name} '${flag.example}' b`;
    const parsed = runSpecSchema.parse(spec(line));
    const printed = printedValues(flag, parsed);
    expect(printed.length).toBeGreaterThan(0);
    // Printed and read again, the value is the same.
    const again = runSpecSchema.parse(spec(`docker run ${printed.map((value) => `--${flag.name} '${value}'`).join(' ')} b`));
    expect(again).toEqual(parsed);
  });

  it.each(tableFlags.filter((flag) => flag.kind === 'switch').map((flag) => [flag.name] as const))('--%s is a switch, with =true and =false', (name) => {
    const on = runSpecSchema.parse(spec(`docker run --${name} b`));
    expect(printRunCommand(on)).toContain(`--${name}`);
    expect(runSpecSchema.parse(spec(`docker run --${name}=false b`))).toEqual(runSpecSchema.parse({ image: 'b' }));
    expect(refusal(`docker run --${name}=maybe b`)).toBe(`--${name}=maybe: expected true or false.`);
  });

  it('takes the aliases the CLI takes', () => {
    expect(spec('docker run --dns-opt ndots:1 --net-alias web b')).toEqual({ image: 'b', networking: { dnsOptions: ['ndots:1'], aliases: ['web'] } });
  });
});

describe('the flags with a grammar', () => {
  it('--health-*: Go durations, the CLI\'s own refusals', () => {
    expect(spec(`docker run --health-cmd 'curl -f localhost || exit 1' --health-interval 1m30s --health-timeout=500ms --health-retries 3 --health-start-period 1.5h b`).healthcheck).toEqual({
      command: 'curl -f localhost || exit 1',
      interval: '1m30s',
      timeout: '500ms',
      retries: 3,
      startPeriod: '1.5h',
    });
    expect(refusal('docker run --health-interval 5 b')).toBe('--health-interval 5: time: missing unit in duration "5"');
    expect(refusal('docker run --health-timeout 5y b')).toBe('--health-timeout 5y: time: unknown unit "y" in duration "5y"');
    expect(refusal('docker run --health-interval -5s b')).toBe('--health-interval -5s: cannot be negative');
    expect(refusal('docker run --health-retries -1 b')).toBe('--health-retries -1: --health-retries cannot be negative');
  });

  it('--ulimit: NAME=SOFT[:HARD], the later one for a name wins', () => {
    expect(spec('docker run --ulimit nofile=1024:2048 --ulimit nproc=5 --ulimit nofile=10 --ulimit core=-1 b').limits?.ulimits).toEqual([
      { name: 'nofile', soft: 10, hard: 10 },
      { name: 'nproc', soft: 5, hard: 5 },
      { name: 'core', soft: -1, hard: -1 },
    ]);
    expect(refusal('docker run --ulimit nofile=abc b')).toBe('--ulimit nofile=abc: the soft limit "abc" is not a whole number');
    expect(refusal('docker run --ulimit nofiles=1 b')).toMatch(/^--ulimit nofiles=1: invalid ulimit type: nofiles \(one of core, cpu/);
    expect(refusal('docker run --ulimit nofile b')).toMatch(/invalid ulimit argument: nofile/);
    expect(refusal('docker run --ulimit nofile=5:2 b')).toMatch(/soft limit must be less than or equal to hard limit: 5 > 2/);
    expect(refusal('docker run --ulimit nofile=1:2:3 b')).toMatch(/too many limit value arguments/);
  });

  it('--device: HOST[:CONTAINER][:PERMISSIONS], and CDI names', () => {
    expect(spec('docker run --device /dev/snd --device /dev/a:r --device /dev/b:/dev/c --device /dev/d:/x/../dev/e:rw --device nvidia.com/gpu=all b').devices).toEqual({
      mappings: [
        { source: '/dev/snd', target: '/dev/snd', permissions: 'rwm' },
        { source: '/dev/a', target: '/dev/a', permissions: 'r' },
        { source: '/dev/b', target: '/dev/c', permissions: 'rwm' },
        { source: '/dev/d', target: '/dev/e', permissions: 'rw' },
      ],
      cdi: ['nvidia.com/gpu=all'],
    });
    expect(refusal('docker run --device /dev/sda:rwx:m b')).toBe('--device /dev/sda:rwx:m: rwx is not an absolute path');
    expect(refusal('docker run --device /dev/a:/b:q b')).toBe('--device /dev/a:/b:q: bad mode specified: q');
    expect(refusal('docker run --device :/b b')).toBe('--device :/b: bad format for path: :/b');
  });

  it('--mount: every type and option, as the engine keeps it', () => {
    expect(
      spec(
        'docker run --mount type=bind,src=/a,dst=/b,ro,bind-propagation=rshared,bind-recursive=disabled --mount "type=volume,source=v,target=/v,volume-opt=o=addr=1.2.3.4,volume-label=x=y,volume-nocopy=true" --mount type=tmpfs,target=/t,tmpfs-size=1m,tmpfs-mode=700 b',
      ).mountFlags,
    ).toEqual([
      { type: 'bind', source: '/a', target: '/b', readOnly: true, bindPropagation: 'rshared', bindNonRecursive: true },
      { type: 'volume', source: 'v', target: '/v', volumeOptions: { o: 'addr=1.2.3.4' }, volumeLabels: { x: 'y' }, volumeNoCopy: true },
      { type: 'tmpfs', target: '/t', tmpfsSizeBytes: 1024 * 1024, tmpfsMode: 0o700 },
    ]);
    expect(refusal('docker run --mount type=tmpfs,target=/t,volume-nocopy b')).toBe("--mount type=tmpfs,target=/t,volume-nocopy: cannot mix 'volume-*' options with mount type 'tmpfs'");
    expect(refusal('docker run --mount type=bind,src=/a,dst=/b,bind-recursive=readonly b')).toMatch(/requires 'readonly'/);
    expect(refusal('docker run --mount type=nfs,dst=/b b')).toMatch(/mount type "nfs" is not one of/);
    expect(refusal('docker run --mount type=bind,src=/a,dst=/b,colour=red b')).toMatch(/unexpected key 'colour' in 'colour=red'/);
    expect(refusal('docker run --mount type=tmpfs,dst=/b,tmpfs-mode=999 b')).toMatch(/invalid value for tmpfs-mode: 999/);
  });

  it('--gpus: all, a count, or CSV fields with quoted devices', () => {
    expect(spec(`docker run --gpus all --gpus 2 --gpus '"device=0,1"' --gpus 'driver=nvidia,"capabilities=compute,utility"' b`).devices?.gpus).toEqual([
      { count: -1, capabilities: ['gpu'], options: {} },
      { count: 2, capabilities: ['gpu'], options: {} },
      { deviceIds: ['0', '1'], capabilities: ['gpu'], options: {} },
      { driver: 'nvidia', count: 1, capabilities: ['compute', 'utility', 'gpu'], options: {} },
    ]);
    expect(refusal('docker run --gpus foo b')).toBe('--gpus foo: invalid count (foo): value must be either "all" or an integer');
    expect(refusal('docker run --gpus driver=nvidia,capabilities=compute,utility b')).toMatch(/invalid count \(utility\)/);
  });

  it('--log-opt, --sysctl, --storage-opt, --annotation: KEY=VALUE maps, the later value wins', () => {
    expect(spec('docker run --log-driver local --log-opt max-size=10m --log-opt max-size=20m --log-opt mode b').logging).toEqual({
      driver: 'local',
      options: { 'max-size': '20m', mode: '' },
    });
    expect(refusal('docker run --sysctl kernel.foo=1 b')).toMatch(/^--sysctl kernel.foo=1: sysctl 'kernel.foo=1' is not allowed: only namespaced ones are/);
    expect(refusal('docker run --storage-opt size b')).toBe('--storage-opt size: invalid storage option "size" (expected KEY=VALUE)');
  });

  it('the networking values', () => {
    expect(spec('docker run --expose 80 --expose 7000-7002/udp --expose 80/tcp b').networking?.expose).toEqual([
      { containerPort: 80, protocol: 'tcp' },
      { containerPort: 7000, protocol: 'udp' },
      { containerPort: 7001, protocol: 'udp' },
      { containerPort: 7002, protocol: 'udp' },
    ]);
    expect(refusal('docker run --expose 80:80 b')).toMatch(/invalid port format for --expose: 80:80/);
    expect(refusal('docker run --dns-search -bad b')).toBe('--dns-search -bad: -bad is not a valid domain');
    expect(refusal('docker run --link a:b:c b')).toMatch(/bad format for links: a:b:c/);
    expect(refusal('docker run --mac-address 92:d0:c6 b')).toBe('--mac-address 92:d0:c6: 92:d0:c6 is not a valid mac address');
    expect(refusal('docker run --ip 10.0.0.300 b')).toBe('--ip 10.0.0.300: "10.0.0.300" is not an IPv4 address');
  });

  it('--network in its long form: the per-network options as their own flags', () => {
    expect(spec('docker run --network name=my-net,alias=web,alias=www,ip=10.1.0.5,link-local-ip=169.254.1.1 b')).toEqual({
      image: 'b',
      network: 'my-net',
      networking: { aliases: ['web', 'www'], ipv4Address: '10.1.0.5', linkLocalIps: ['169.254.1.1'] },
    });
    expect(refusal('docker run --network-alias x --network name=n,alias=y b')).toBe('--network name=n,alias=y: conflicting options: cannot specify both --network-alias and per-network alias');
    expect(refusal('docker run --network name=n,ip=10.0.0.1 --ip 10.0.0.2 b')).toBe('--ip: conflicting options: cannot specify both --ip and its per-network form in --network.');
    // driver-opt is said only inside --network: read there, printed back there (quoted for CSV and the shell where needed).
    const withOptions = spec(`docker run --network 'name=my-net,driver-opt=com.example.mtu = 1400,"driver-opt=com.example.list=a,b"' b`);
    expect(withOptions).toEqual({ image: 'b', network: 'my-net', networking: { driverOptions: { 'com.example.mtu': '1400', 'com.example.list': 'a,b' } } });
    const printed = printRunCommand(runSpecSchema.parse(withOptions));
    expect(printed).toBe(`docker run -d --network 'name=my-net,driver-opt=com.example.mtu=1400,"driver-opt=com.example.list=a,b"' b`);
    expect(runSpecSchema.parse(spec(printed))).toEqual(runSpecSchema.parse(withOptions));
    expect(refusal('docker run --driver-opt a=b b')).toMatch(/^Unknown flag: --driver-opt is not a/);
    expect(refusal('docker run --network name=n,driver-opt=novalue b')).toMatch(/--network name=n,driver-opt=novalue: driver-opt=novalue: invalid key value pair format in driver options/);
    expect(refusal('docker run --network alias=a b')).toMatch(/network name\/id is not specified/);
  });

  it('--pull and --platform', () => {
    expect(spec('docker run --pull always --platform Linux/ARM64 b').lifecycle).toEqual({ pull: 'always', platform: 'linux/arm64' });
    expect(refusal('docker run --pull sometimes b')).toBe(`--pull sometimes: invalid pull option: 'sometimes': must be one of "always", "missing" or "never"`);
    expect(refusal('docker run --platform bad/ b')).toMatch(/error parsing specified platform/);
    // The default is not printed back.
    expect(printRunCommand(runSpecSchema.parse(spec('docker run --pull missing b')))).toBe('docker run -d b');
  });

  it('--memory-swappiness: -1 is "not set"; outside 0-100 refused as the CLI does', () => {
    expect(spec('docker run --memory-swappiness -1 b').limits).toEqual({});
    expect(refusal('docker run --memory-swappiness 101 b')).toBe('--memory-swappiness 101: invalid value: 101. Valid memory swappiness range is 0-100');
  });
});

describe('flags for newer or other engines', () => {
  it('refuses a flag the engine is too old for, naming the version that has it', () => {
    expect(refusal('docker run --annotation a=b x', engine41)).toBe('--annotation needs engine API 1.43 (Docker Engine 24.0) or later; this engine speaks API 1.41.');
    expect(refusal('docker run --health-start-interval 5s x', engine41)).toBe('--health-start-interval needs engine API 1.44 (Docker Engine 25.0) or later; this engine speaks API 1.41.');
    expect(spec('docker run --annotation a=b x', { engine: { apiVersion: '1.43', os: 'linux' } }).annotations).toEqual({ a: 'b' });
  });

  it('refuses the Windows-only flags on a Linux engine, as the CLI does', () => {
    for (const flag of ['--cpu-count 2', '--cpu-percent 5', '--io-maxiops 5', '--io-maxbandwidth 1m']) {
      expect(refusal(`docker run ${flag} x`, engine41)).toBe(`${flag.split(' ')[0]} is only supported on an engine running Windows containers; this engine runs linux.`);
    }
    expect(spec('docker run --cpu-count 2 x', { engine: { apiVersion: '1.41', os: 'windows' } }).limits).toEqual({ cpuCount: 2 });
  });
});

describe('files named by a pasted command, read on the machine Berth runs on', () => {
  const context: ParseContext = {
    files: files({
      '/srv/app.env': '\uFEFF# comment\nA=1\n  B=two words\nEMPTY=\nFROM_SHELL\n',
      '/srv/labels': 'team=core\nnovalue\ntier=web\n',
      '/srv/seccomp.json': '{\n  "defaultAction": "SCMP_ACT_ALLOW",\n  "syscalls": [ ]\n}\n',
      '/srv/bad.env': 'has space=1\n',
    }),
  };

  it('--env-file: its variables first, then -e, whatever the order; a bare name is left out with a warning', () => {
    const parsed = parseRunCommand('docker run -e C=3 --env-file /srv/app.env -e A=override b', context);
    expect(parsed.spec.env).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: 'two words' },
      { key: 'EMPTY', value: '' },
      { key: 'C', value: '3' },
      { key: 'A', value: 'override' },
    ]);
    expect(parsed.warnings).toEqual(['--env-file /srv/app.env: FROM_SHELL (line 5) takes its value from the shell that runs the command; Berth has none, so it is left out.']);
  });

  it('--label-file: its labels under the flags\' ones; a line without = is skipped', () => {
    const parsed = parseRunCommand('docker run --label tier=api --label-file /srv/labels b', context);
    expect(parsed.spec.labels).toEqual({ team: 'core', tier: 'api' });
    expect(parsed.warnings.join()).toMatch(/line 2 \("novalue"\) has no "="/);
  });

  it('names the flag and the path in every problem', () => {
    expect(refusal('docker run --env-file /srv/missing.env b', context)).toBe('--env-file /srv/missing.env: cannot be read on the machine Berth runs on: no such file.');
    expect(refusal('docker run --env-file ./prod.env b', context)).toMatch(/^--env-file \.\/prod\.env: must be an absolute path on the machine Berth runs on/);
    expect(refusal('docker run --env-file /srv/bad.env b', context)).toBe("--env-file /srv/bad.env: line 1: 'has space' contains whitespaces.");
    expect(refusal('docker run --label-file /srv/nope b', context)).toMatch(/^--label-file \/srv\/nope: cannot be read/);
  });

  it('--security-opt seccomp=FILE sends the profile, compacted, as the CLI does', () => {
    expect(spec('docker run --security-opt seccomp=/srv/seccomp.json b', context).security).toEqual({ options: ['seccomp={"defaultAction":"SCMP_ACT_ALLOW","syscalls":[]}'] });
    expect(spec('docker run --security-opt seccomp=unconfined b', context).security).toEqual({ options: ['seccomp=unconfined'] });
    expect(refusal('docker run --security-opt seccomp=/srv/app.env b', context)).toMatch(/^--security-opt \/srv\/app.env: is not a JSON seccomp profile/);
    expect(refusal('docker run --security-opt foo b', context)).toMatch(/Invalid --security-opt: "foo"/);
  });
});

describe('printRunCommand', () => {
  it('prints every flag of a long line so that reading it back gives the same spec', () => {
    const line = [
      'docker run -d --health-cmd "curl -f localhost" --health-interval 30s --health-retries 3 --ulimit nofile=1024:2048 --shm-size 256m',
      '--memory-swappiness 0 --oom-kill-disable --oom-score-adj -5 --cpu-period 100000 --cpu-quota 50000 --cpuset-mems 0-1 --blkio-weight 300',
      '--device-read-bps /dev/sda:1m --device /dev/snd:rw --device-cgroup-rule "c 1:3 mr" --gpus all --security-opt no-new-privileges --group-add 10',
      '--userns host --uts host --cgroupns private --cgroup-parent p --sysctl net.core.somaxconn=1024 --runtime runc --expose 90/udp --dns-search a.b',
      '--dns-option ndots:2 --domainname d.e --network n --ip 10.0.0.5 --network-alias web --link db:d --log-driver local --log-opt max-size=1m',
      '--stop-signal SIGINT --stop-timeout 5 --pull always --platform linux/amd64 --mount type=volume,target=/v,volume-nocopy=false',
      '--volumes-from other:ro --volume-driver local b',
    ].join(' ');
    const parsed = runSpecSchema.parse(spec(line));
    const printed = printRunCommand(parsed);
    expect(runSpecSchema.parse(spec(printed))).toEqual(parsed);
    expect(printed).toContain("--health-cmd 'curl -f localhost'");
    expect(printed).toContain('--mount type=volume,target=/v,volume-nocopy=false');
  });
});
