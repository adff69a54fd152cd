import { describe, expect, it } from 'vitest';
import { BerthError } from '../../api/index.js';
import { BuildLog, outputTextLimit } from './build-log.js';

const stream = (text: string) => ({ stream: text });

describe('BuildLog', () => {
  it('joins fragments into lines, turns Step N/M lines into step events and groups the lines after each', () => {
    const log = new BuildLog();
    const first = log.read([stream('Step 1/2 : FROM busybox'), stream('\n'), stream(' ---> 6fcdd1d01de0\n'), stream('Step 2/2 : RUN echo hi')]);
    expect(first).toEqual({
      events: [
        { type: 'step', index: 1, total: 2, instruction: 'FROM busybox' },
        { type: 'output', lines: [' ---> 6fcdd1d01de0'] },
      ],
      failure: null,
    });
    // The step line is held until its newline arrives in a later chunk.
    const second = log.read([stream('\n'), stream(' ---> Running in 40d8\nhi\n'), { aux: { ID: 'sha256:abc' } }, stream('Successfully built abc')]);
    expect(second.events).toEqual([
      { type: 'step', index: 2, total: 2, instruction: 'RUN echo hi' },
      { type: 'output', lines: [' ---> Running in 40d8', 'hi'] },
    ]);
    expect(log.finish()).toEqual([{ type: 'output', lines: ['Successfully built abc'] }]);
    expect(log.imageId).toBe('sha256:abc');
  });

  it("keeps a RUN's stderr colour on its own line and shows what a carriage return left", () => {
    const log = new BuildLog();
    const { events } = log.read([stream('\u001b[91merr\n\u001b[0m'), stream('out\n'), stream('10%\r50%\r100%\r\n')]);
    expect(events).toEqual([{ type: 'output', lines: ['\u001b[91merr\u001b[0m', 'out', '100%'] }]);
    expect(log.finish()).toEqual([]);
  });

  it("reads Podman's step lines too", () => {
    const { events } = new BuildLog().read([stream('STEP 1/3: FROM busybox\n')]);
    expect(events).toEqual([{ type: 'step', index: 1, total: 3, instruction: 'FROM busybox' }]);
  });

  it('splits output events at the text limit', () => {
    const long = 'x'.repeat(outputTextLimit - 10);
    const { events } = new BuildLog().read([stream(`${long}\na longer line\n`)]);
    expect(events).toEqual([
      { type: 'output', lines: [long] },
      { type: 'output', lines: ['a longer line'] },
    ]);
  });

  it('an error line is the failure, naming the step it happened in and its exit code, after the lines before it', () => {
    const log = new BuildLog();
    log.read([stream('Step 2/3 : RUN exit 3\n')]);
    const { events, failure } = log.read([
      stream('partial output without a newline'),
      { errorDetail: { code: 3, message: "The command '/bin/sh -c exit 3' returned a non-zero code: 3" }, error: 'ignored when errorDetail says it' },
    ]);
    expect(events).toEqual([{ type: 'output', lines: ['partial output without a newline'] }]);
    expect(failure).toBeInstanceOf(BerthError);
    expect(failure?.toWire()).toEqual({
      code: 'conflict',
      message: "Step 2/3 (RUN exit 3) failed: The command '/bin/sh -c exit 3' returned a non-zero code: 3",
      details: { step: { index: 2, total: 3, instruction: 'RUN exit 3' }, exitCode: 3 },
    });
  });

  it('an error before any step names no step', () => {
    const { failure } = new BuildLog().read([{ error: 'context canceled' }]);
    expect(failure?.toWire()).toEqual({ code: 'conflict', message: 'The build failed: context canceled', details: {} });
  });
});
