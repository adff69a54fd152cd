import type { BerthClient, CreateResult, FieldIssue, ImageSummary, RunSpec, TransferProgress } from '../../../runtime/api/index.js';
import { toBerthError } from '../../transport/callError.js';
import { checkLocally, type BuiltSpec } from './model/buildSpec.js';
import { translateIssue } from './model/fieldPaths.js';
import { isImagePresent } from './model/imageRefs.js';
import { pullImage } from './pullProgress.js';

/**
 * One press of "Create and start" / "Create only", step by step: check (locally and with
 * `containers.validateRun`; nothing is sent while a problem remains), pull the image when the
 * engine lacks it (with progress), then `containers.create`. Engine errors come back as
 * written, with the draft field they concern when the backend names one.
 */
export type RunOutcome =
  | { kind: 'blocked'; issues: FieldIssue[] }
  | { kind: 'failed'; step: 'check' | 'pull' | 'create'; message: string; field?: string }
  | { kind: 'cancelled' }
  /** `engineId`: where it was created (undefined: the default engine). */
  | { kind: 'created'; engineId: string | undefined; result: CreateResult; spec: RunSpec };

export type RunStep = 'checking' | 'pulling' | 'creating';

export interface RunFlowOptions {
  client: BerthClient;
  /** The engine every step goes to (undefined: the default engine). */
  engineId: string | undefined;
  built: BuiltSpec;
  start: boolean;
  /** Cancels the check or the pull. A create in flight is never abandoned: it would leave a container behind unseen. */
  signal: AbortSignal;
  onStep: (step: RunStep) => void;
  onPullProgress: (event: TransferProgress) => void;
}

export async function runFlow({ client, engineId, built, start, signal, onStep, onPullProgress }: RunFlowOptions): Promise<RunOutcome> {
  const engine = engineId;
  onStep('checking');
  const local = checkLocally(built);
  let issues: FieldIssue[];
  try {
    const check = await client.call('containers.validateRun', { spec: built.candidate }, { engine, signal });
    issues = mergeIssues(local.issues, check.issues.map((issue) => translateIssue(issue, built.rows)));
  } catch (error) {
    return failure('check', error, built);
  }
  if (issues.length > 0 || local.spec === null) return { kind: 'blocked', issues };
  const spec = local.spec;

  // `--pull`: `missing` pulls only an image the engine lacks, `always` pulls anyway, `never` leaves it to create.
  const policy = spec.lifecycle.pull;
  let images: ImageSummary[] | null = null;
  if (policy === 'missing') {
    try {
      images = await client.call('images.list', {}, { engine, signal });
    } catch {
      // Without a list the engine still pulls a missing image itself on create, only without progress.
      if (signal.aborted) return { kind: 'cancelled' };
    }
  }
  if (policy === 'always' || (images !== null && !isImagePresent(spec.image, images))) {
    onStep('pulling');
    try {
      await pullImage(client, engine, spec.image, signal, onPullProgress, spec.lifecycle.platform);
    } catch (error) {
      return failure('pull', error, built, 'image');
    }
  }
  if (signal.aborted) return { kind: 'cancelled' };
  // Once the image is known to be present (or was pulled with progress), create must not pull again.
  const pull = policy === 'missing' && images === null;

  onStep('creating');
  try {
    const result = await client.call('containers.create', { spec, start, pull }, { engine });
    return { kind: 'created', engineId, result, spec };
  } catch (error) {
    return failure('create', error, built);
  }
}

function failure(step: 'check' | 'pull' | 'create', error: unknown, built: BuiltSpec, fallbackField?: string): RunOutcome {
  const { code, message, details } = toBerthError(error);
  if (code === 'cancelled') return { kind: 'cancelled' };
  const named = typeof details?.field === 'string' ? translateIssue({ field: details.field, message }, built.rows).field : fallbackField;
  return named === undefined ? { kind: 'failed', step, message } : { kind: 'failed', step, message, field: named };
}

/** Local and backend issues often say the same thing; show each once. */
export function mergeIssues(...lists: FieldIssue[][]): FieldIssue[] {
  const seen = new Set<string>();
  return lists.flat().filter((issue) => {
    const key = `${issue.field}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
