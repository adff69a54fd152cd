import { describe, expect, it } from 'vitest';
import { buildSpec, checkLocally } from './buildSpec.js';
import { draftReducer, initialDraftState, type DraftAction } from './draftReducer.js';
import { fieldLabel, translateIssue, visibleFields } from './fieldPaths.js';
import type { RunDraft } from './runDraft.js';

function draftOf(...actions: DraftAction[]): RunDraft {
  return actions.reduce(draftReducer, initialDraftState('busybox')).draft;
}

describe('draft to RunSpec', () => {
  it('a bare image is a minimal valid spec', () => {
    const built = buildSpec(draftOf());
    expect(built.candidate).toMatchObject({ image: 'busybox', env: [], ports: [], privileged: false });
    expect(built.candidate).not.toHaveProperty('name');
    expect(checkLocally(built).spec).toMatchObject({ image: 'busybox' });
  });

  it('converts text: sizes, numbers, words, network, restart', () => {
    const built = buildSpec(
      draftOf(
        { type: 'setResource', key: 'memoryBytes', value: '256m' },
        { type: 'setResource', key: 'memorySwapBytes', value: '-1' },
        { type: 'setResource', key: 'cpus', value: '1.5' },
        { type: 'setArgvText', which: 'command', text: `sh -c 'sleep 1'` },
        { type: 'set', key: 'clearEntrypoint', value: true },
        { type: 'set', key: 'capAdd', value: 'NET_ADMIN, SYS_TIME' },
        { type: 'set', key: 'extraHosts', value: 'db:10.0.0.2 cache:10.0.0.3' },
        { type: 'setNetwork', patch: { mode: 'container', container: 'db' } },
        { type: 'setRestart', patch: { name: 'on-failure', maxRetries: '3' } },
      ),
    );
    expect(built.conversionIssues).toEqual([]);
    expect(built.candidate).toMatchObject({
      resources: { memoryBytes: 268435456, memorySwapBytes: -1, cpus: 1.5 },
      command: ['sh', '-c', 'sleep 1'],
      entrypoint: [],
      capAdd: ['NET_ADMIN', 'SYS_TIME'],
      extraHosts: ['db:10.0.0.2', 'cache:10.0.0.3'],
      network: 'container:db',
      restart: { name: 'on-failure', maxRetries: 3 },
    });
  });

  it('skips blank rows and maps RunSpec rows back to draft rows', () => {
    const built = buildSpec(
      draftOf(
        { type: 'addRow', list: 'ports' },
        { type: 'addRow', list: 'ports' },
        { type: 'updateRow', list: 'ports', index: 1, patch: { hostPort: '8080', containerPort: '80' } },
        { type: 'addRow', list: 'labels' },
        { type: 'updateRow', list: 'labels', index: 0, patch: { key: '__proto__', value: 'x' } },
      ),
    );
    expect(built.candidate.ports).toEqual([{ protocol: 'tcp', hostPort: 8080, containerPort: 80 }]);
    expect(built.rows.ports).toEqual([1]);
    expect(Object.keys(built.candidate.labels as object)).toEqual(['__proto__']);
    expect(translateIssue({ field: 'ports.0.hostPort', message: 'is taken' }, built.rows)).toEqual({ field: 'ports.1.hostPort', message: 'is taken' });
    expect(translateIssue({ field: 'spec.labels.__proto__', message: 'bad' }, built.rows)).toEqual({ field: 'labels.0.key', message: 'bad' });
  });

  it('reports text that is not a value under its field, and schema problems under theirs', () => {
    const built = buildSpec(
      draftOf(
        { type: 'set', key: 'image', value: '' },
        { type: 'set', key: 'name', value: '-bad' },
        { type: 'setResource', key: 'memoryBytes', value: '256x' },
        { type: 'addRow', list: 'ports' },
        { type: 'updateRow', list: 'ports', index: 0, patch: { hostPort: '70000', containerPort: 'http' } },
        { type: 'setArgvText', which: 'command', text: `echo 'hi` },
      ),
    );
    const local = checkLocally(built);
    expect(local.spec).toBeNull();
    expect(local.issues).toEqual(
      expect.arrayContaining([
        { field: 'resources.memoryBytes', message: 'must be a size like 512m or 1g' },
        { field: 'ports.0.containerPort', message: 'must be a port number (1-65535)' },
        { field: 'command', message: 'has an unclosed single quote' },
        { field: 'image', message: 'is required' },
        { field: 'ports.0.hostPort', message: 'must be 1-65535' },
      ]),
    );
    expect(local.issues.find((i) => i.field === 'name')?.message).toMatch(/must start with a letter or digit/);
    // The unconvertible container port is not also reported as "expected number".
    expect(local.issues.filter((i) => i.field === 'ports.0.containerPort')).toHaveLength(1);
  });

  it('sends a command as the words a shell would read, comments dropped, operators refused', () => {
    const command = (text: string) => checkLocally(buildSpec(draftOf({ type: 'setArgvText', which: 'command', text })));
    expect(command('echo a # b').spec?.command).toEqual(['echo', 'a']);
    expect(command(`echo 'a # b' $HOME`).spec?.command).toEqual(['echo', 'a # b', '$HOME']);
    expect(command('echo hi && ls').issues).toEqual([{ field: 'command', message: expect.stringMatching(/shell operator "&&"/) as unknown }]);
  });

  it('names fields the way the form labels them', () => {
    expect(fieldLabel('ports.0.hostPort')).toBe('Host port 1');
    expect(fieldLabel('resources.memorySwapBytes')).toBe('Memory + swap');
    expect(fieldLabel('mounts.2.readOnly')).toBe('Read-only 3');
    expect(translateIssue({ field: 'extraHosts.1', message: 'must be NAME:IP' }, buildSpec(draftOf()).rows)).toEqual({ field: 'extraHosts', message: 'entry 2 must be NAME:IP' });
  });

  it('knows which fields are on the form', () => {
    const fields = visibleFields(draftOf({ type: 'addRow', list: 'mounts' }, { type: 'updateRow', list: 'mounts', index: 0, patch: { type: 'anonymous' } }));
    expect(fields.has('mounts.0.target')).toBe(true);
    expect(fields.has('mounts.0.source')).toBe(false);
    expect(fields.has('restart.maxRetries')).toBe(false);
  });
});
