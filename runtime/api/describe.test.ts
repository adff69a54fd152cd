import { describe, expect, it } from 'vitest';
import { methods, streams } from './contract.js';
import { describeContract, describeEntry } from './describe.js';

describe('describeEntry', () => {
  it('prints each parameter with its type, whether required, its default and its meaning', () => {
    const text = describeEntry('containers.stop', methods['containers.stop']);
    expect(text).toContain('id: string (required)');
    expect(text).toContain('timeoutSeconds: integer 0..3600 (optional)');
    expect(text).toContain('Seconds to wait after SIGTERM before SIGKILL');
    expect(describeEntry('containers.remove', methods['containers.remove'])).toContain('force: boolean (optional, default false)');
  });

  it('indents nested parameters and names the member of each union', () => {
    const text = describeEntry('containers.create', methods['containers.create']);
    expect(text).toMatch(/\n {14}memoryBytes: integer 0\.\. \(optional\)\n {18}`--memory`/);
    expect(text).toContain('mounts: (object | object | object | object)[] (optional, default [])');
    expect(text).toContain('when type is "tmpfs":');
  });

  it('says when there is nothing to pass', () => {
    expect(describeEntry('images.list', methods['images.list'])).toContain('(no parameters)');
  });
});

describe('describeContract', () => {
  it('lists every method and stream', () => {
    const text = describeContract(methods, streams);
    for (const name of [...Object.keys(methods), ...Object.keys(streams)]) expect(text).toContain(`  ${name}\n`);
  });
});
