// Test-only: the test environment's engines of every kind, each with the docker CLI pointed at
// it as a user would point it and with what Berth is given to add it. Not part of the build.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestEnv } from '../../scripts/test-env-info.js';

const run = promisify(execFile);

export interface TestEngineCli {
  label: string;
  /** Podman's Docker API answers for a few things differently (see run-parity.ts `normalize`). */
  dialect: 'docker' | 'podman';
  /** How Berth reaches it: absent for the default engine. */
  add?: { url: string; name: string; tls?: { caPath: string; certPath: string; keyPath: string }; sshConfigPath?: string };
  cli: string[];
  cliEnv?: NodeJS.ProcessEnv;
}

/** The default engine (DOCKER_HOST), a dockerd over TCP with mutual TLS, one over ssh, and Podman. */
export function testEngineClis(env: TestEnv): TestEngineCli[] {
  const cert = (name: string) => path.join(env.tls.certPath, name);
  return [
    { label: 'default', dialect: 'docker', cli: ['-H', env.engineUrl] },
    {
      label: 'tls',
      dialect: 'docker',
      add: { url: env.tls.url, name: 'tls', tls: { caPath: cert('ca.pem'), certPath: cert('cert.pem'), keyPath: cert('key.pem') } },
      cli: ['--tlsverify', '--tlscacert', cert('ca.pem'), '--tlscert', cert('cert.pem'), '--tlskey', cert('key.pem'), '-H', env.tls.url],
    },
    {
      label: 'ssh',
      dialect: 'docker',
      add: { url: env.ssh.url, name: 'ssh', sshConfigPath: env.ssh.config },
      cli: ['-H', env.ssh.url],
      cliEnv: { PATH: `${env.ssh.binDir}:${process.env.PATH ?? ''}` },
    },
    { label: 'podman', dialect: 'podman', add: { url: env.podman.url, name: 'podman' }, cli: ['-H', env.podman.url] },
  ];
}

/** Runs the docker CLI against one engine; answers stdout, trimmed. */
export async function dockerOn(engine: TestEngineCli, ...args: string[]): Promise<string> {
  const { stdout } = await run('docker', [...engine.cli, ...args], { env: { ...process.env, ...engine.cliEnv, DOCKER_HOST: '' }, maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}
