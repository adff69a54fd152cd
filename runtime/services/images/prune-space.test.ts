import { describe, expect, it } from 'vitest';
import { freedBytes, layerSizes } from './prune-space.js';

const step = (sizeBytes: number, createdBy = '/bin/sh -c #(nop)  CMD ["sh"]') => ({ sizeBytes, createdBy });

describe('freedBytes', () => {
  const base = { id: 'base', layers: ['L0'], layerBytes: [100] };
  const app = { id: 'app', layers: ['L0', 'L1'], layerBytes: [100, 20] };
  const app2 = { id: 'app2', layers: ['L0', 'L1', 'L2'], layerBytes: [100, 20, 5] };

  it('counts only layers no kept image holds, each once', () => {
    expect(freedBytes(new Set(['app']), [base, app, app2])).toBe(0);
    expect(freedBytes(new Set(['app2']), [base, app, app2])).toBe(5);
    expect(freedBytes(new Set(['app', 'app2']), [base, app, app2])).toBe(25);
    expect(freedBytes(new Set(['app', 'app2', 'base']), [base, app, app2])).toBe(125);
  });

  it('a layer is shared only with the same layers below it (the chain)', () => {
    const other = { id: 'other', layers: ['X', 'L1'], layerBytes: [7, 20] };
    expect(freedBytes(new Set(['app']), [base, app, other])).toBe(20);
  });
});

describe('layerSizes', () => {
  it('gives each layer the size of the instruction that made it, skipping config-only steps', () => {
    // Newest first, as the engine answers.
    const history = [step(0), step(30, '/bin/sh -c make'), step(0, '/bin/sh -c #(nop)  ENV A=1'), step(100, '')];
    expect(layerSizes(history, 2)).toEqual([100, 30]);
  });

  it('a RUN that changed nothing is an empty layer, not a config step', () => {
    const history = [step(50, 'RUN /bin/sh -c make # buildkit'), step(0, 'RUN /bin/sh -c true # buildkit'), step(0, 'ENV A=1'), step(100, '')];
    expect(layerSizes(history, 3)).toEqual([100, 0, 50]);
  });

  it('a history that does not match the layers is cut or padded, never thrown', () => {
    expect(layerSizes([step(5, 'x'), step(7, 'y')], 1)).toEqual([7]);
    expect(layerSizes([step(5, 'x')], 3)).toEqual([5, 0, 0]);
  });
});
