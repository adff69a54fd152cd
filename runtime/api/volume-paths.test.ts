import { describe, expect, it } from 'vitest';
import { linkTargetPath, modeString, normalizeVolumePath, pathTrail, volumeName, volumePath, volumePathProblem } from './volume-paths.js';

describe('paths inside a volume', () => {
  it('refuses any `..` part and a NUL, wherever it is', () => {
    for (const path of ['..', '../etc', '/../etc', '/sub/../../etc', 'a/..', '/a/../b']) expect(volumePathProblem(path), path).toBe('must stay inside the volume: `..` is not allowed');
    expect(volumePathProblem('/a\0b')).toBe('must not hold a NUL character');
    for (const path of ['/', '', '/a..b', '/..a', '/a/.../b', '/.hidden']) expect(volumePathProblem(path), path).toBeNull();
  });

  it('normalizes a path to one from the root with single slashes and no `.` parts', () => {
    expect(normalizeVolumePath('')).toBe('/');
    expect(normalizeVolumePath('/')).toBe('/');
    expect(normalizeVolumePath('sub//./deep/')).toBe('/sub/deep');
    expect(volumePath.parse('logs/./app.log')).toBe('/logs/app.log');
    expect(volumePath.safeParse('/x/../y').error?.issues[0]?.message).toBe('must stay inside the volume: `..` is not allowed');
  });

  it('takes volume names as the engine does', () => {
    for (const name of ['data', 'a1', 'my_vol.2-x', 'a'.repeat(255)]) expect(volumeName.safeParse(name).success, name).toBe(true);
    for (const name of ['a', '', '-data', '.data', 'da/ta', 'da ta', 'a'.repeat(256)]) expect(volumeName.safeParse(name).success, name).toBe(false);
  });

  it('gives the trail of folders to a path, and where a relative link points inside the volume', () => {
    expect(pathTrail('/a/b')).toEqual([
      { name: '/', path: '/' },
      { name: 'a', path: '/a' },
      { name: 'b', path: '/a/b' },
    ]);
    expect(linkTargetPath('/sub', '../a.txt')).toBe('/a.txt');
    expect(linkTargetPath('/', 'sub/./deep')).toBe('/sub/deep');
    expect(linkTargetPath('/sub', '../../etc')).toBeNull();
    expect(linkTargetPath('/sub', '/etc/passwd')).toBeNull();
  });
});

describe('modes as ls -l prints them', () => {
  it('writes the type letter and the permission bits, with setuid, setgid and sticky', () => {
    expect(modeString('file', 0o644)).toBe('-rw-r--r--');
    expect(modeString('directory', 0o755)).toBe('drwxr-xr-x');
    expect(modeString('directory', 0o4755)).toBe('drwsr-xr-x');
    expect(modeString('file', 0o4644)).toBe('-rwSr--r--');
    expect(modeString('directory', 0o2775)).toBe('drwxrwsr-x');
    expect(modeString('directory', 0o1777)).toBe('drwxrwxrwt');
    expect(modeString('directory', 0o1776)).toBe('drwxrwxrwT');
    expect(modeString('symlink', 0o777)).toBe('lrwxrwxrwx');
    expect(modeString('fifo', 0o600)).toBe('prw-------');
    expect(modeString('char-device', 0o666)).toBe('crw-rw-rw-');
    expect(modeString('block-device', 0)).toBe('b---------');
    expect(modeString('hardlink', 0o600)).toBe('-rw-------');
  });
});
