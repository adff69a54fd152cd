import { describe, expect, it } from 'vitest';
import { previewProblem } from './PruneListDialog.js';

describe('previewProblem', () => {
  it('names a bad filter word first, then the engine failing to work the preview out, and nothing while it is being worked out', () => {
    const failed = { message: 'engine away' };
    expect(previewProblem({ wordProblem: 'until needs a duration', preview: null, error: failed, isLoading: false })).toBe('Filters: until needs a duration');
    expect(previewProblem({ wordProblem: null, preview: null, error: failed, isLoading: false })).toBe('Could not work out what would go: engine away');
    expect(previewProblem({ wordProblem: null, preview: null, error: failed, isLoading: true })).toBeNull();
    expect(previewProblem({ wordProblem: null, preview: { rows: [] }, error: failed, isLoading: false })).toBeNull();
    expect(previewProblem({ wordProblem: null, preview: null, error: null, isLoading: false })).toBeNull();
  });
});
