import { constants as fsConstants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { capture, runAttached } from './process.js';

/**
 * Installs the Debian packages the integration and end-to-end tests need, and only those
 * that are missing: a private dockerd, a registry (and htpasswd for the Basic-auth one), a
 * static busybox for the test images, a Chromium for Playwright, and what the other engines
 * need (openssl for the TLS engine's certificates, OpenSSH for the ssh engine, Podman with
 * netavark). Usage: `tsx scripts/ensure-packages.ts`.
 */

interface Requirement {
  /** The Debian package that provides it. */
  debianPackage: string;
  /** Satisfied when all of these are executable (found on PATH or at an absolute path)... */
  executables: readonly string[];
  /** ...or, when set, when dpkg says this package is installed (and the executables exist). */
  mustBeDebianPackage?: boolean;
}

const requirements: readonly Requirement[] = [
  // Any dockerd will do: a developer with docker-ce installed must not get docker.io on top.
  { debianPackage: 'docker.io', executables: ['dockerd', 'docker'] },
  { debianPackage: 'docker-registry', executables: ['docker-registry'] },
  // The Basic-auth test registry's htpasswd file is made with `htpasswd -B` (bcrypt) for each run.
  { debianPackage: 'apache2-utils', executables: ['htpasswd'] },
  // The test image copies /bin/busybox into an empty rootfs, so it must be the static build.
  { debianPackage: 'busybox-static', executables: ['/bin/busybox'], mustBeDebianPackage: true },
  // e2e/playwright.config.ts launches exactly this binary.
  { debianPackage: 'chromium', executables: ['/usr/bin/chromium'] },
  // The TLS engine's CA and certificates are made for each run.
  { debianPackage: 'openssl', executables: ['openssl'] },
  // The ssh engine: a private sshd, and the client the docker CLI runs for ssh:// hosts.
  { debianPackage: 'openssh-server', executables: ['/usr/sbin/sshd'] },
  { debianPackage: 'openssh-client', executables: ['ssh', 'ssh-keygen'] },
  // Podman's Docker-compatible API; netavark named so apt does not pick CNI for its network stack.
  { debianPackage: 'podman', executables: ['podman'] },
  { debianPackage: 'netavark', executables: ['/usr/lib/podman/netavark'] },
  // Podman's `--init` (docker run --init, the Run form's Init) runs catatonit; without it create fails.
  { debianPackage: 'catatonit', executables: ['/usr/libexec/podman/catatonit'] },
];

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findExecutable(name: string): Promise<string | null> {
  if (path.isAbsolute(name)) return (await isExecutable(name)) ? name : null;
  // dockerd lives in /usr/sbin, which is not on every user's PATH.
  const dirs = (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/local/sbin', '/usr/sbin', '/sbin', '/usr/bin', '/bin']);
  for (const dir of dirs) {
    if (dir && (await isExecutable(path.join(dir, name)))) return path.join(dir, name);
  }
  return null;
}

async function isDebianPackageInstalled(name: string): Promise<boolean> {
  try {
    const result = await capture('dpkg-query', ['-W', '-f=${Status}', name]);
    return result.code === 0 && result.stdout.trim() === 'install ok installed';
  } catch {
    return false;
  }
}

async function isSatisfied(requirement: Requirement): Promise<boolean> {
  for (const executable of requirement.executables) {
    if ((await findExecutable(executable)) === null) return false;
  }
  return !requirement.mustBeDebianPackage || (await isDebianPackageInstalled(requirement.debianPackage));
}

/** Returns the Debian packages that are still missing. */
export async function missingPackages(): Promise<string[]> {
  const missing: string[] = [];
  for (const requirement of requirements) {
    if (!(await isSatisfied(requirement))) missing.push(requirement.debianPackage);
  }
  return missing;
}

/** Installs whatever is missing with apt-get; throws with a clear message when it cannot. */
export async function ensurePackages(): Promise<void> {
  const missing = await missingPackages();
  if (missing.length === 0) {
    console.log(`Test packages present: ${requirements.map((r) => r.debianPackage).join(', ')}.`);
    return;
  }
  const installCommand = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`Berth's tests need these Debian packages: ${missing.join(', ')}. Run as root, or install them first: sudo sh -c '${installCommand}'`);
  }
  if ((await findExecutable('apt-get')) === null) {
    throw new Error(`Berth's tests need ${missing.join(', ')} (Debian package names) and this machine has no apt-get; install their equivalents by hand.`);
  }
  console.log(`Installing missing test packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const updateCode = await runAttached('apt-get', ['update'], { env });
  if (updateCode !== 0) throw new Error(`apt-get update failed with code ${updateCode}.`);
  const installCode = await runAttached('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  if (installCode !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed with code ${installCode}.`);
  const stillMissing = await missingPackages();
  if (stillMissing.length > 0) throw new Error(`Still missing after apt-get install: ${stillMissing.join(', ')}.`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensurePackages().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
