import { describe, expect, it } from 'vitest';
import { draftReducer, initialDraftState, type DraftAction, type DraftState } from './draftReducer.js';

function run(...actions: DraftAction[]): DraftState {
  return actions.reduce(draftReducer, initialDraftState('busybox'));
}

describe('the Run form draft', () => {
  it('starts from the image it was opened for, with nothing touched', () => {
    const state = initialDraftState('nginx:1.27');
    expect(state.draft.image).toBe('nginx:1.27');
    expect(state.touched).toEqual({});
    expect(state.touchedAll).toBe(false);
  });

  it('sets fields and remembers which were edited', () => {
    const state = run(
      { type: 'set', key: 'name', value: 'web' },
      { type: 'set', key: 'privileged', value: true },
      { type: 'setResource', key: 'memoryBytes', value: '256m' },
      { type: 'setRestart', patch: { name: 'on-failure', maxRetries: '3' } },
      { type: 'setNetwork', patch: { mode: 'container', container: 'db' } },
    );
    expect(state.draft.name).toBe('web');
    expect(state.draft.privileged).toBe(true);
    expect(state.draft.resources.memoryBytes).toBe('256m');
    expect(state.draft.restart).toEqual({ name: 'on-failure', maxRetries: '3' });
    expect(state.draft.network).toEqual({ mode: 'container', container: 'db', name: '' });
    expect(Object.keys(state.touched).sort()).toEqual(
      ['name', 'network', 'networkContainer', 'privileged', 'resources.memoryBytes', 'restart.maxRetries', 'restart.name'].sort(),
    );
  });

  it('adds, edits and removes rows with stable ids', () => {
    const state = run(
      { type: 'addRow', list: 'ports' },
      { type: 'addRow', list: 'ports' },
      { type: 'updateRow', list: 'ports', index: 1, patch: { containerPort: '80', protocol: 'udp' } },
      { type: 'removeRow', list: 'ports', index: 0 },
    );
    expect(state.draft.ports).toEqual([{ rowId: 2, hostIp: '', hostPort: '', containerPort: '80', protocol: 'udp' }]);
    // The edited row moved up: what was touched in the list no longer names the same row.
    expect(state.touched).toEqual({});
    expect(run({ type: 'addRow', list: 'env' }, { type: 'updateRow', list: 'env', index: 0, patch: { key: 'A' } }).touched).toEqual({ 'env.0.key': true });
  });

  it('switches a command between text and an argument list without changing its meaning', () => {
    let state = run({ type: 'setArgvText', which: 'command', text: `sh -c 'echo hi'` }, { type: 'toggleArgvMode', which: 'command' });
    expect(state.draft.command).toMatchObject({ mode: 'list', args: ['sh', '-c', 'echo hi'] });
    state = [
      { type: 'setArg', which: 'command', index: 2, value: 'echo bye' },
      { type: 'addArg', which: 'command' },
      { type: 'removeArg', which: 'command', index: 3 },
      { type: 'toggleArgvMode', which: 'command' },
    ].reduce<DraftState>((s, a) => draftReducer(s, a as DraftAction), state);
    expect(state.draft.command).toMatchObject({ mode: 'text', text: `sh -c 'echo bye'` });
  });

  it('keeps unsplittable text as text', () => {
    const state = run({ type: 'setArgvText', which: 'entrypoint', text: `sh -c 'oops` }, { type: 'toggleArgvMode', which: 'entrypoint' });
    expect(state.draft.entrypoint.mode).toBe('text');
  });

  it('imports .env variables: same keys replaced, new keys appended, blank rows dropped', () => {
    const state = run(
      { type: 'addRow', list: 'env' },
      { type: 'updateRow', list: 'env', index: 0, patch: { key: 'A', value: 'old' } },
      { type: 'addRow', list: 'env' },
      { type: 'importEnv', vars: [{ key: 'A', value: 'new' }, { key: 'B', value: '2' }] },
    );
    expect(state.draft.env.map(({ key, value }) => [key, value])).toEqual([['A', 'new'], ['B', '2']]);
    expect(new Set(state.draft.env.map((row) => row.rowId)).size).toBe(2);
  });

  it('fills the whole form from a pasted spec and shows its problems at once', () => {
    const state = run(
      { type: 'set', key: 'name', value: 'old' },
      {
        type: 'fillFromSpec',
        spec: {
          image: 'nginx',
          name: 'web',
          entrypoint: [],
          command: ['nginx', '-g', 'daemon off;'],
          ports: [{ hostPort: 8080, containerPort: 80 }],
          mounts: [{ type: 'bind', source: '/srv', target: '/usr/share/nginx/html', readOnly: true }, { type: 'tmpfs', target: '/tmp', options: 'size=64m' }],
          network: 'container:db',
          resources: { memoryBytes: 268435456 },
          restart: { name: 'on-failure', maxRetries: 5 },
          labels: { team: 'web' },
          capAdd: ['NET_ADMIN', 'SYS_TIME'],
        },
      },
    );
    const { draft } = state;
    expect(draft.name).toBe('web');
    expect(draft.clearEntrypoint).toBe(true);
    expect(draft.command.text).toBe(`nginx -g 'daemon off;'`);
    expect(draft.ports[0]).toMatchObject({ hostPort: '8080', containerPort: '80', protocol: 'tcp' });
    expect(draft.mounts.map((m) => [m.type, m.source, m.target, m.readOnly, m.options])).toEqual([
      ['bind', '/srv', '/usr/share/nginx/html', true, ''],
      ['tmpfs', '', '/tmp', false, 'size=64m'],
    ]);
    expect(draft.network).toEqual({ mode: 'container', container: 'db', name: '' });
    expect(draft.resources.memoryBytes).toBe('268435456');
    expect(draft.restart).toEqual({ name: 'on-failure', maxRetries: '5' });
    expect(draft.labels).toMatchObject([{ key: 'team', value: 'web' }]);
    expect(draft.capAdd).toBe('NET_ADMIN, SYS_TIME');
    expect(state.touchedAll).toBe(true);
  });
});
