import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { managedEnginePaths, startManagedEngine, stopManagedEngine } from '../runtime/engine/managed.js';
import { otherBridgeName, testSshEngineOptions, writeTestEngineConfig } from '../runtime/testing/test-engine.js';
import { freePort, isListening } from './ports.js';
import { allSettledOrThrow, captureOk } from './process.js';
import { createBridge } from './test-bridge.js';
import { dockerEnv, importTestImage } from './test-images.js';
import { ownerVariable, spawnService, stopService, waitForService } from './test-service.js';

/**
 * The test environment's engine behind ssh, reached the way the docker CLI reaches
 * `ssh://` hosts: `ssh HOST docker system dial-stdio`. A private sshd (Debian's OpenSSH)
 * listens on a free 127.0.0.1 port with a host key, a client key and authorized_keys made
 * for the run, keys only, and gives every session DOCKER_HOST = a third private dockerd of
 * its own (not the first: a test that kills one engine, or lists all of them, must see
 * three distinct engines). The client side is an ssh_config with the port, key and a
 * known_hosts holding the run's host key, plus a known_hosts with a different key for the
 * same host, for the "wrong host key is refused" tests.
 */

/** ssh_config aliases: the engine, and the same engine checked against the wrong known_hosts. */
export const sshHostAlias = 'berth-test-ssh';
export const sshWrongHostKeyAlias = 'berth-test-ssh-wrong-host-key';

export function sshPaths(dataDir: string) {
  const root = path.join(dataDir, 'ssh');
  return {
    root,
    hostKey: path.join(root, 'host_ed25519'),
    wrongHostKey: path.join(root, 'wrong_host_ed25519'),
    clientKey: path.join(root, 'id_ed25519'),
    authorizedKeys: path.join(root, 'authorized_keys'),
    knownHosts: path.join(root, 'known_hosts'),
    wrongKnownHosts: path.join(root, 'wrong_known_hosts'),
    sshdConfig: path.join(root, 'sshd_config'),
    clientConfig: path.join(root, 'ssh_config'),
    binDir: path.join(root, 'bin'),
    logFile: path.join(root, 'sshd.log'),
    /** Bound over /run in sshd's mount namespace: its privilege separation directory /run/sshd lives here. */
    namespaceRun: path.join(root, 'ns-run'),
    /** DOCKER_CONFIG of the sessions' docker CLI. */
    dockerConfig: path.join(root, 'docker-config'),
  };
}

export interface SshEngine {
  /** `ssh://root@127.0.0.1:PORT` */
  url: string;
  config: string;
  key: string;
  knownHosts: string;
  wrongKnownHosts: string;
  binDir: string;
}

/** The docker CLI's environment for `-H ssh://...`: the wrapper first on PATH, so it uses the run's ssh_config. */
export function sshDockerEnv(dataDir: string): NodeJS.ProcessEnv {
  const { DOCKER_HOST: _host, ...env } = dockerEnv('', dataDir);
  return { ...env, PATH: `${sshPaths(dataDir).binDir}${path.delimiter}${process.env.PATH ?? ''}` };
}

async function keygen(file: string, comment: string): Promise<string> {
  await captureOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
  // `TYPE BASE64 COMMENT`: the first two fields are the key.
  return (await readFile(`${file}.pub`, 'utf8')).trim().split(' ').slice(0, 2).join(' ');
}

function sshdConfig(dataDir: string, port: number): string {
  const paths = sshPaths(dataDir);
  const engine = managedEnginePaths(testSshEngineOptions(dataDir).dataDir);
  return [
    `ListenAddress 127.0.0.1:${port}`,
    `HostKey ${paths.hostKey}`,
    `PidFile ${path.join(paths.root, 'sshd.pid')}`,
    `AuthorizedKeysFile ${paths.authorizedKeys}`,
    'AllowUsers root',
    'PermitRootLogin prohibit-password',
    'AuthenticationMethods publickey',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    // No PAM session modules (loginuid, systemd) in a test run; key checks are sshd's own.
    'UsePAM no',
    // The files live under /tmp, which is world-writable, so StrictModes would refuse them;
    // the run's directory itself is 0700.
    'StrictModes no',
    'PermitUserEnvironment no',
    'AllowTcpForwarding no',
    'AllowAgentForwarding no',
    'X11Forwarding no',
    'PermitTunnel no',
    'PrintMotd no',
    'PrintLastLog no',
    // Tests may open many engine connections at once (one ssh per connection).
    'MaxStartups 100',
    `SetEnv DOCKER_HOST=${engine.url} DOCKER_CONFIG=${paths.dockerConfig} ${ownerVariable}=${dataDir}`,
    'LogLevel VERBOSE',
    '',
  ].join('\n');
}

function clientConfig(dataDir: string, port: number): string {
  const paths = sshPaths(dataDir);
  const host = (names: string, knownHosts: string): string[] => [`Host ${names}`, '  HostName 127.0.0.1', `  Port ${port}`, '  User root', `  UserKnownHostsFile ${knownHosts}`];
  return [
    ...host(sshWrongHostKeyAlias, paths.wrongKnownHosts),
    ...host(`${sshHostAlias} 127.0.0.1`, paths.knownHosts),
    'Host *',
    `  IdentityFile ${paths.clientKey}`,
    '  IdentitiesOnly yes',
    '  IdentityAgent none',
    // Only the run's known_hosts vouches for a host key, and an unknown key is refused, never added.
    '  GlobalKnownHostsFile /dev/null',
    '  StrictHostKeyChecking yes',
    '  UpdateHostKeys no',
    '  BatchMode yes',
    '  PasswordAuthentication no',
    '  ControlMaster no',
    '  ControlPath none',
    '',
  ].join('\n');
}

async function writeFiles(dataDir: string, port: number): Promise<void> {
  const paths = sshPaths(dataDir);
  await mkdir(paths.binDir, { recursive: true, mode: 0o700 });
  await mkdir(path.join(paths.namespaceRun, 'sshd'), { recursive: true, mode: 0o755 });
  await mkdir(paths.dockerConfig, { recursive: true });
  const [hostKey, wrongHostKey, clientKey] = await Promise.all([
    keygen(paths.hostKey, 'berth-test-host'),
    keygen(paths.wrongHostKey, 'berth-test-wrong-host'),
    keygen(paths.clientKey, 'berth-test-client'),
  ]);
  // `restrict`: no forwarding, no pty; dial-stdio needs none of them.
  await writeFile(paths.authorizedKeys, `restrict ${clientKey} berth-test-client\n`, { mode: 0o600 });
  await writeFile(paths.knownHosts, `[127.0.0.1]:${port} ${hostKey}\n`);
  await writeFile(paths.wrongKnownHosts, `[127.0.0.1]:${port} ${wrongHostKey}\n`);
  await writeFile(paths.sshdConfig, sshdConfig(dataDir, port));
  await writeFile(paths.clientConfig, clientConfig(dataDir, port));
  // OpenSSH reads ~/.ssh/config from the passwd entry, never from $HOME, so the docker CLI
  // (which runs `ssh` from PATH) is given the run's config by this wrapper.
  const wrapper = path.join(paths.binDir, 'ssh');
  await writeFile(wrapper, `#!/bin/sh\nexec /usr/bin/ssh -F '${paths.clientConfig}' "$@"\n`);
  await chmod(wrapper, 0o755);
}

/** Starts sshd in a mount namespace of its own, with the run's marker in its environment, and waits for its port. */
async function startSshd(dataDir: string, port: number, onSpawn: (pid: number) => Promise<void>): Promise<void> {
  const paths = sshPaths(dataDir);
  const options = {
    name: 'sshd',
    // sshd re-executes itself for each connection, which needs an absolute path.
    command: '/usr/sbin/sshd',
    args: ['-D', '-e', '-f', paths.sshdConfig],
    env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', [ownerVariable]: dataDir },
    logFile: paths.logFile,
    binds: [{ source: paths.namespaceRun, target: '/run' }],
  };
  const service = await spawnService(options);
  await onSpawn(service.pid);
  await waitForService(service, options, () => isListening(port, 500));
}

export interface SshProgress {
  url?: string;
  sshdPid?: number;
}

/**
 * Starts the ssh engine's dockerd and sshd side by side, imports the test image, then
 * proves the whole path with `docker -H ssh://berth-test-ssh version`. `record` is told the
 * url and sshd's pid as soon as they exist, for a teardown after a failed start.
 */
export async function startSshEngine(dataDir: string, tarball: Promise<string>, record: (progress: SshProgress) => Promise<void>): Promise<SshEngine> {
  const paths = sshPaths(dataDir);
  const port = await freePort();
  const url = `ssh://root@127.0.0.1:${port}`;
  await record({ url });
  const engineOptions = testSshEngineOptions(dataDir);
  await allSettledOrThrow([
    (async () => {
      await createBridge(otherBridgeName(dataDir, 's'));
      await writeTestEngineConfig(engineOptions.dataDir);
      await startManagedEngine(engineOptions);
      await importTestImage(dockerEnv(managedEnginePaths(engineOptions.dataDir).url, dataDir), await tarball, ['--network', 'none']);
    })(),
    (async () => {
      await writeFiles(dataDir, port);
      await startSshd(dataDir, port, (sshdPid) => record({ url, sshdPid }));
    })(),
  ]);
  const version = await captureOk('docker', ['-H', `ssh://${sshHostAlias}`, 'version', '--format', '{{.Server.Version}}'], {
    env: sshDockerEnv(dataDir),
    timeoutMs: 60_000,
  });
  if (!version.trim()) throw new Error('docker over ssh answered no server version');
  return { url, config: paths.clientConfig, key: paths.clientKey, knownHosts: paths.knownHosts, wrongKnownHosts: paths.wrongKnownHosts, binDir: paths.binDir };
}

/** Stops sshd (only when the pid still runs our config; its sessions are ended by the leftover sweep) and the ssh engine's dockerd. */
export async function stopSshEngine(dataDir: string, sshdPid: number | undefined): Promise<void> {
  if (sshdPid !== undefined) await stopService(sshdPid, sshPaths(dataDir).sshdConfig);
  await stopManagedEngine(testSshEngineOptions(dataDir));
}
