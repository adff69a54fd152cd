import { chmod, copyFile, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { captureOk } from './process.js';

/**
 * Builds the test images from Debian's static busybox, with no registry involved:
 * a rootfs holding /bin/busybox and a symlink per applet (sh, httpd, nc, sleep, ...),
 * `docker import`ed into each engine of the environment, and pushed to the test registry
 * from the first.
 */

export const testImage = 'berth-test/busybox:latest';
const busyboxBinary = '/bin/busybox';

export interface BuiltImages {
  image: string;
  registryImage: string;
}

/** The docker CLI pointed at the private engine, with a config of its own (no credential helpers of the host's). */
export function dockerEnv(engineUrl: string, dataDir: string): NodeJS.ProcessEnv {
  return { ...process.env, DOCKER_HOST: engineUrl, DOCKER_CONFIG: path.join(dataDir, 'docker-config') };
}

async function makeRootfs(rootfs: string): Promise<void> {
  await rm(rootfs, { recursive: true, force: true });
  for (const dir of ['bin', 'etc', 'dev', 'proc', 'sys', 'root', 'var/www', 'usr']) {
    await mkdir(path.join(rootfs, dir), { recursive: true });
  }
  await mkdir(path.join(rootfs, 'tmp'), { mode: 0o1777 });
  await chmod(path.join(rootfs, 'tmp'), 0o1777);
  await copyFile(busyboxBinary, path.join(rootfs, 'bin', 'busybox'));
  await chmod(path.join(rootfs, 'bin', 'busybox'), 0o755);
  const applets = (await captureOk(busyboxBinary, ['--list'])).split('\n').map((line) => line.trim());
  for (const applet of applets) {
    if (applet && applet !== 'busybox' && !applet.includes('/')) await symlink('busybox', path.join(rootfs, 'bin', applet));
  }
  // Scripts written for a normal distro look in /sbin and /usr/bin too.
  await symlink('bin', path.join(rootfs, 'sbin'));
  await symlink('../bin', path.join(rootfs, 'usr', 'bin'));
  await symlink('../bin', path.join(rootfs, 'usr', 'sbin'));
  await writeFile(path.join(rootfs, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n');
  await writeFile(path.join(rootfs, 'etc', 'group'), 'root:x:0:\nnogroup:x:65534:\n');
  await writeFile(path.join(rootfs, 'var', 'www', 'index.html'), '<!doctype html><title>berth-test</title><p>berth-test</p>\n');
}

/**
 * The busybox rootfs as a tarball, `<dataDir>/image/busybox.tar`: made once per run and
 * imported into every engine of the environment, so they all hold the same image.
 */
export async function makeTestImageTarball(dataDir: string): Promise<string> {
  const workDir = path.join(dataDir, 'image');
  const rootfs = path.join(workDir, 'rootfs');
  const tarball = path.join(workDir, 'busybox.tar');
  await makeRootfs(rootfs);
  await captureOk('tar', ['-C', rootfs, '--numeric-owner', '--owner=0', '--group=0', '-cf', tarball, '.']);
  await rm(rootfs, { recursive: true, force: true });
  return tarball;
}

/**
 * `docker import`s the tarball as the test image into the engine the docker CLI environment
 * points at, and proves it runs there before any test relies on it. `runArgs` go to that
 * `docker run` (the Docker engines pass `--network none`).
 */
export async function importTestImage(env: NodeJS.ProcessEnv, tarball: string, runArgs: readonly string[] = []): Promise<void> {
  await captureOk('docker', ['import', '-c', 'CMD ["sh"]', tarball, testImage], { env, timeoutMs: 120_000 });
  const echoed = await captureOk('docker', ['run', '--rm', ...runArgs, testImage, 'sh', '-c', 'echo ok'], { env, timeoutMs: 60_000 });
  if (echoed.trim() !== 'ok') throw new Error(`${testImage} does not run: printed ${JSON.stringify(echoed)}`);
}

/** The test image in the private engine, and the same image in the registry. */
export async function buildTestImages(engineUrl: string, dataDir: string, registry: string, tarball: string): Promise<BuiltImages> {
  const env = dockerEnv(engineUrl, dataDir);
  await mkdir(path.join(dataDir, 'docker-config'), { recursive: true });
  await importTestImage(env, tarball, ['--network', 'none']);

  // The same image in the registry, for pull tests; untagged locally so a pull has work to do.
  const registryImage = `${registry}/${testImage}`;
  await captureOk('docker', ['tag', testImage, registryImage], { env });
  await captureOk('docker', ['push', registryImage], { env, timeoutMs: 120_000 });
  await captureOk('docker', ['rmi', registryImage], { env });
  return { image: testImage, registryImage };
}
