import { describe, expect, it } from 'vitest';
import { readStepAnnouncement } from './build-steps.js';

describe('readStepAnnouncement', () => {
  it.each([
    ['Step 2/5 : RUN make -j2', { index: 2, total: 5, instruction: 'RUN make -j2' }],
    ['Step 10/12 : COPY --from=build /out /app', { index: 10, total: 12, instruction: 'COPY --from=build /out /app' }],
    ['STEP 1/3: FROM busybox AS base', { index: 1, total: 3, instruction: 'FROM busybox AS base' }],
  ])('reads %j', (line, step) => {
    expect(readStepAnnouncement(line)).toEqual(step);
  });

  it.each(['hello', ' ---> Running in 40d8', 'Step 0/2 : RUN x', 'Step 3/2 : RUN x', 'step 1/2 : RUN x', 'Step 1/2: RUN x', 'echo Step 1/2 : RUN x'])('ignores %j', (line) => {
    expect(readStepAnnouncement(line)).toBeNull();
  });
});
