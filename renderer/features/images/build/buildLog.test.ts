import { describe, expect, it } from 'vitest';
import { BerthError } from '../../../../runtime/api/index.js';
import { BuildLogModel } from './buildLog.js';

describe('BuildLogModel', () => {
  it('keeps steps as header rows and output as lines of their step, text only', () => {
    const model = new BuildLogModel();
    model.apply({ type: 'context', files: 2, bytes: 10 });
    model.apply({ type: 'step', index: 1, total: 2, instruction: 'FROM busybox' });
    model.apply({ type: 'output', lines: [' ---> 6fcd'] });
    model.apply({ type: 'step', index: 2, total: 2, instruction: 'RUN echo hi' });
    model.apply({ type: 'output', lines: ['\u001b[91m<b>hi</b>\u001b[0m', 'x'] });
    model.apply({ type: 'built', imageId: 'sha256:1', tags: ['app:2'] });
    expect(model.rows.map((row) => [row.kind, row.text, row.step])).toEqual([
      ['step', 'Step 1/2 : FROM busybox', 1],
      ['line', ' ---> 6fcd', 1],
      ['step', 'Step 2/2 : RUN echo hi', 2],
      ['line', '<b>hi</b>', 2],
      ['line', 'x', 2],
    ]);
    expect(model).toMatchObject({ status: 'built', imageId: 'sha256:1', tags: ['app:2'], context: { files: 2, bytes: 10 } });
    expect(model.linesOf(2)).toEqual(['<b>hi</b>', 'x']);
  });

  it('names the failed step from the error, else the last one announced', () => {
    const model = new BuildLogModel();
    model.apply({ type: 'step', index: 1, total: 3, instruction: 'FROM busybox' });
    model.apply({ type: 'step', index: 2, total: 3, instruction: 'RUN exit 3' });
    model.fail(new BerthError('conflict', 'Step 2/3 (RUN exit 3) failed', { step: { index: 2, total: 3, instruction: 'RUN exit 3' }, exitCode: 3 }));
    expect(model.failedStep).toMatchObject({ index: 2 });
    const other = new BuildLogModel();
    other.apply({ type: 'step', index: 1, total: 1, instruction: 'FROM x' });
    other.fail(new BerthError('conflict', 'The build failed: boom', {}));
    expect(other.failedStep).toMatchObject({ index: 1 });
    const refused = new BuildLogModel();
    refused.fail(new BerthError('invalid_argument', 'dockerfile parse error line 3: unknown instruction: FOO'));
    expect(refused.failedStep).toBeNull();
  });

  it('stays within its row limit, dropping the oldest, with stable sequence numbers', () => {
    const model = new BuildLogModel(100);
    model.apply({ type: 'output', lines: Array.from({ length: 250 }, (_, index) => `line ${index}`) });
    expect(model.rows.length).toBeLessThanOrEqual(100);
    expect(model.rows.at(-1)).toMatchObject({ seq: 249, text: 'line 249' });
    expect(model.dropped + model.rows.length).toBe(250);
    expect(model.rows[0]!.seq).toBe(model.dropped);
  });

  it('cancel only ends a running build', () => {
    const model = new BuildLogModel();
    model.apply({ type: 'built', imageId: 'sha256:1', tags: [] });
    model.cancel();
    expect(model.status).toBe('built');
  });
});
