/**
 * How an engine announces a build step in its log. Docker's classic builder writes
 * `Step 2/5 : RUN make`; Podman (Buildah behind its Docker API) writes `STEP 2/5: RUN make`.
 * Read only to number the steps for the view: the log line itself is kept as written.
 */
export interface StepAnnouncement {
  index: number;
  total: number;
  instruction: string;
}

const dockerStep = /^Step (\d+)\/(\d+) : ([^]*)$/;
const podmanStep = /^STEP (\d+)\/(\d+): ([^]*)$/;

/** The step a log line announces, or null for any other line. */
export function readStepAnnouncement(line: string): StepAnnouncement | null {
  const match = dockerStep.exec(line) ?? podmanStep.exec(line);
  if (match === null) return null;
  const index = Number(match[1]);
  const total = Number(match[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(total) || index < 1 || index > total) return null;
  return { index, total, instruction: match[3]!.trim() };
}
