import { describe, expect, it } from 'vitest';
import { methods, runSpecSchema } from '../api/index.js';
import { harmlessSpec, mapWhereSchema, namesForeignObject, normalizeReference, stringsIn, type ForeignObjects } from './fuzz-safety.js';

const foreign: ForeignObjects = {
  containers: [{ id: 'ab12cd34ef56'.padEnd(64, '0'), names: ['web'] }],
  images: [{ id: `sha256:${'9f8e7d'.padEnd(64, '1')}`, refs: ['berth-test/busybox:latest', 'busybox:latest'] }],
  volumes: ['data'],
  networks: [{ id: '77aa'.padEnd(64, '2'), name: 'bridge' }],
};

const rules = { images: ['berth-test/busybox:latest'], prefix: 'fuzz-abc', label: { key: 'berth.fuzz.run', value: 'abc' }, mayStart: true };

describe('namesForeignObject', () => {
  it('catches names, with or without the slash, and any prefix of an id, whatever its case', () => {
    for (const text of ['web', '/web', 'a', 'AB12', '/ab12cd', '9', 'sha256:9f8e', '9F8E7D', '77', 'data', 'bridge']) expect(namesForeignObject(text, foreign), text).toBe(true);
  });

  it('catches an image however its reference is spelled', () => {
    for (const text of ['busybox', 'docker.io/library/busybox', 'library/busybox:latest', 'berth-test/busybox']) expect(namesForeignObject(text, foreign), text).toBe(true);
    expect(normalizeReference('registry:5000/app')).toBe('registry:5000/app:latest');
  });

  it('lets through what names nothing there', () => {
    for (const text of ['', 'web2', 'fuzz-abc-running', 'b', 'sha256:00', 'busybox:1.36', 'x/../y']) expect(namesForeignObject(text, foreign), text).toBe(false);
  });
});

describe('harmlessSpec', () => {
  it('takes away what reaches the host or other containers, and makes the container the fuzz\'s own', () => {
    const spec = harmlessSpec(
      {
        image: 'alpine',
        name: 'web',
        command: ['rm', '-rf', '/'],
        entrypoint: ['sh'],
        privileged: true,
        capAdd: ['SYS_ADMIN'],
        network: 'host',
        pidMode: 'container:web',
        ipcMode: 'host',
        mounts: [
          { type: 'bind', source: '/etc', target: '/host' },
          { type: 'volume', source: 'data', target: '/data' },
          { type: 'tmpfs', target: '/t', options: 'size=1m' },
        ],
        ports: [{ hostPort: 80, containerPort: 80 }],
        labels: { keep: 'me' },
      },
      rules,
    );
    expect(spec).toMatchObject({ image: 'berth-test/busybox:latest', command: ['true'], privileged: false, capAdd: [], network: 'none', labels: { keep: 'me', 'berth.fuzz.run': 'abc' } });
    expect(spec.name).toMatch(/^fuzz-abc-c-[0-9a-f]{8}$/);
    expect(spec).not.toHaveProperty('entrypoint');
    expect(spec).not.toHaveProperty('pidMode');
    expect(spec).not.toHaveProperty('ipcMode');
    expect(spec.mounts).toEqual([
      { type: 'anonymous', target: '/host' },
      { type: 'volume', source: expect.stringMatching(/^fuzz-abc-v-/) as unknown, target: '/data' },
      { type: 'tmpfs', target: '/t', options: 'size=1m' },
    ]);
    expect(spec.ports).toEqual([{ containerPort: 80 }]);
    expect(stringsIn(spec).some(({ text }) => namesForeignObject(text, foreign) && text !== 'berth-test/busybox:latest')).toBe(false);
  });

  it('keeps the command of a container that is not started, and stays valid', () => {
    const spec = harmlessSpec({ image: 'x', command: ['sleep', '1'], network: 'bridge2', ipcMode: 'shareable' }, { ...rules, mayStart: false });
    expect(spec).toMatchObject({ command: ['sleep', '1'], network: 'bridge2', ipcMode: 'shareable' });
    expect(runSpecSchema.safeParse(spec).success).toBe(true);
  });

  it('is applied where a method\'s params hold a RunSpec', () => {
    const params = mapWhereSchema(methods['containers.recreate'].params, { id: 'web', spec: { image: 'alpine' } }, runSpecSchema, () => 'replaced');
    expect(params).toEqual({ id: 'web', spec: 'replaced' });
  });
});
