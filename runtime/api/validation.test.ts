import { describe, expect, it } from 'vitest';
import { BerthError } from './errors.js';
import { methods, type MethodName } from './contract.js';
import { parseParams, unknownKeyReason } from './validation.js';

function refusal(method: MethodName, params: unknown): BerthError {
  try {
    parseParams(method, methods[method].params, params);
  } catch (error) {
    if (error instanceof BerthError) return error;
    throw error;
  }
  throw new Error(`${method} accepted ${JSON.stringify(params)}`);
}

describe('parseParams', () => {
  it('names an unknown key by its full path, lists what is allowed there and guesses the meant one', () => {
    const error = refusal('containers.update', { id: 'web', resources: { memory: '48m' } });
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toBe(
      'containers.update: resources.memory: unknown field; allowed here: memoryBytes, memoryReservationBytes, memorySwapBytes, cpus, cpuShares, cpusetCpus, pidsLimit (did you mean memoryBytes?)',
    );
    expect(error.details).toMatchObject({ field: 'resources.memory' });
  });

  it('finds the allowed keys inside arrays and the union member the input chose', () => {
    const error = refusal('containers.create', { spec: { image: 'busybox', mounts: [{ type: 'tmpfs', target: '/t', size: '64m' }] } });
    expect(error.message).toBe('containers.create: spec.mounts.0.size: unknown field; allowed here: type, target, options');
  });

  it('refuses unknown keys at the top and reports every problem, first field in details', () => {
    const error = refusal('containers.stop', { id: 'web', timout: 3, force: true });
    expect(error.message).toContain('timout: unknown field; allowed here: id, timeoutSeconds (did you mean timeoutSeconds?)');
    expect(error.message).toContain('force: unknown field');
    expect(error.details).toMatchObject({ field: 'timout' });
  });

  it('says "nothing to change" for an update that changes nothing, and only then', () => {
    expect(refusal('containers.update', { id: 'web' }).message).toBe(
      'containers.update: resources: nothing to change: give at least one limit in resources, or a restart policy',
    );
    expect(refusal('containers.update', { id: 'web', resources: {} }).message).toContain('nothing to change');
    expect(() => parseParams('containers.update', methods['containers.update'].params, { id: 'web', restart: { name: 'always' } })).not.toThrow();
    expect(() => parseParams('containers.update', methods['containers.update'].params, { id: 'web', resources: { pidsLimit: 10 } })).not.toThrow();
  });

  it('refuses signal numbers the engine does not know, which it would answer with its internal error', () => {
    expect(refusal('containers.kill', { id: 'web', signal: '32' }).message).toBe('containers.kill: signal: must be a signal number from 1 to 31 or 34 to 64');
    for (const signal of ['0', '33', '65', '485924', '-3', '-0']) expect(refusal('containers.kill', { id: 'web', signal }).code).toBe('invalid_argument');
    for (const signal of ['1', '9', '31', '34', '64', '+9', '0009', 'SIGKILL', 'HUP', 'SIGRTMIN+3']) {
      expect(() => parseParams('containers.kill', methods['containers.kill'].params, { id: 'web', signal })).not.toThrow();
    }
  });

  it('refuses a process limit above the kernel\'s, which the engine would answer with its internal error', () => {
    expect(refusal('containers.update', { id: 'web', resources: { pidsLimit: 4_194_305 } }).message).toBe(
      "containers.update: resources.pidsLimit: must be at most 4194304 (the kernel's limit)",
    );
    expect(refusal('containers.create', { spec: { image: 'busybox', resources: { pidsLimit: 487_087_468 } } }).details).toMatchObject({ field: 'spec.resources.pidsLimit' });
    expect(() => parseParams('containers.update', methods['containers.update'].params, { id: 'web', resources: { pidsLimit: 4_194_304 } })).not.toThrow();
  });

  it('refuses image references with empty, . or .. path components, which the engine redirects instead of answering', () => {
    for (const id of ['berth-test/./busybox', 'Q/./B_SM/8', 'a/../b', 'a//b', 'a/b/', 'a/..']) {
      expect(refusal('images.remove', { id }).message).toBe('images.remove: id: must not hold empty, `.` or `..` path components');
    }
    for (const id of ['busybox', 'registry:5000/team/app:1.2', 'app@sha256:abc', 'sha256:91502e0d4830', 'a.b/c..d/e.f']) {
      expect(() => parseParams('images.remove', methods['images.remove'].params, { id })).not.toThrow();
    }
  });

  it('keeps the type errors as zod words them, by field', () => {
    expect(refusal('containers.stop', { id: 'web', timeoutSeconds: '5' }).message).toBe(
      'containers.stop: timeoutSeconds: Invalid input: expected number, received string',
    );
  });
});

describe('unknown keys in bulk', () => {
  it('names at most ten, counts the rest, and shortens a pasted blob of a key, quickly', () => {
    const blob = 'x'.repeat(10_000);
    const params: Record<string, unknown> = { id: 'web' };
    for (let i = 0; i < 1000; i++) params[`${blob}${i}`] = 1;
    // 10 MB of keys: comparing each with every known key letter by letter would not end within
    // the test's timeout; no wall-clock assertion here (a loaded machine made one flaky).
    const error = refusal('containers.stop', params);
    const issues = (error.details as { issues: { field: string; reason: string }[] }).issues;
    expect(issues).toHaveLength(11);
    expect(issues[0]?.field).toBe(`${'x'.repeat(61)}...`);
    expect(issues[10]).toEqual({ field: '(params)', reason: '990 more unknown fields' });
    expect(error.message.length).toBeLessThan(5000);
  });
});

describe('unknownKeyReason', () => {
  it('says when nothing is allowed', () => {
    expect(unknownKeyReason('all', [])).toBe('unknown field; nothing is allowed here');
  });
});
