import { useCallback, useEffect, useRef, useState } from 'react';
import type { CreateResult, RunSpec } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { containerHref, containerHrefOnDefault, type ContainerTab } from '../../app/routes.js';
import { useBerth, type BerthState } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';
import type { BuiltSpec } from './model/buildSpec.js';
import { applyPullProgress, startPull } from './pullProgress.js';
import { runFlow, type RunOutcome } from './runFlow.js';
import type { RunOutcomeView, RunStatus } from './runStatus.js';

export interface RunSubmit {
  status: RunStatus;
  outcome: RunOutcomeView | null;
  submit: (built: BuiltSpec, start: boolean) => void;
  /** Cancels a check or pull in progress (disposes the pull subscription). */
  cancel: () => void;
  keepCreated: () => void;
  removeCreated: () => void;
}

const stepNames = { check: 'Could not check the form', pull: 'Could not pull the image', create: 'Could not create the container' };

/** Runs the flow for the Run buttons on one engine (undefined: the default) and keeps what the page shows about it. */
export function useRunSubmit(engineId: string | undefined): RunSubmit {
  const clientSource = useClientSource();
  const pushNotice = useBerth((s) => s.ui.pushNotice);
  const [status, setStatus] = useState<RunStatus>({ kind: 'idle' });
  const [outcome, setOutcome] = useState<RunOutcomeView | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const isMountedRef = useRef(false);

  useEffect(() => {
    isMountedRef.current = true;
    return () => {
      isMountedRef.current = false;
      // Leaving the page cancels a check or a pull; a create already sent is seen through.
      controllerRef.current?.abort();
    };
  }, []);

  const finished = useCallback(
    (result: RunOutcome, built: BuiltSpec, start: boolean) => {
      if (!isMountedRef.current) {
        // Nobody is left to ask "keep or remove?": say what was left behind, wherever the user is.
        if (result.kind === 'created' && result.result.startError)
          pushNotice({ area: 'app', message: `${result.result.name} was created but did not start: ${result.result.startError.message}` });
        return;
      }
      if (result.kind === 'created') {
        const created = result.result;
        if (created.startError) setStatus({ kind: 'startFailed', engineId: result.engineId, result: created, removing: false, removeError: null });
        else {
          setStatus({ kind: 'idle' });
          afterCreate(result.engineId, created, result.spec, start, pushNotice);
        }
        return;
      }
      const view: RunOutcomeView = { built, blocked: result.kind === 'blocked', issues: [], alert: null, note: null };
      if (result.kind === 'blocked') view.issues = result.issues;
      else if (result.kind === 'failed' && result.field !== undefined) view.issues = [{ field: result.field, message: result.message }];
      else if (result.kind === 'failed') view.alert = `${stepNames[result.step]}: ${result.message}`;
      else view.note = 'Cancelled. Nothing was created.';
      setStatus({ kind: 'idle' });
      setOutcome(view);
    },
    [pushNotice],
  );

  const submit = useCallback(
    (built: BuiltSpec, start: boolean) => {
      const client = clientSource();
      if (client === null) {
        setOutcome({ built, blocked: false, issues: [], alert: 'Not connected to Berth.', note: null });
        return;
      }
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setOutcome(null);
      setStatus({ kind: 'busy', step: 'checking', pull: null });
      const reference = typeof built.candidate.image === 'string' ? built.candidate.image : '';
      void runFlow({
        client,
        engineId,
        built,
        start,
        signal: controller.signal,
        onStep: (step) => setStatus({ kind: 'busy', step, pull: step === 'pulling' ? startPull(reference) : null }),
        onPullProgress: (event) =>
          setStatus((s) => (s.kind === 'busy' && s.pull !== null ? { ...s, pull: applyPullProgress(s.pull, event) } : s)),
      })
        .catch((error: unknown): RunOutcome => ({ kind: 'failed', step: 'create', message: toBerthError(error).message }))
        .then((result) => finished(result, built, start))
        .finally(() => {
          if (controllerRef.current === controller) controllerRef.current = null;
        });
    },
    [clientSource, engineId, finished],
  );

  const cancel = useCallback(() => controllerRef.current?.abort(), []);

  const keepCreated = useCallback(() => {
    if (status.kind !== 'startFailed') return;
    window.location.hash = createdHref(status.engineId, status.result.id);
  }, [status]);

  const removeCreated = useCallback(() => {
    if (status.kind !== 'startFailed') return;
    const created = status.result;
    const client = clientSource();
    if (client === null) {
      setStatus({ ...status, removeError: 'Not connected to Berth.' });
      return;
    }
    setStatus({ ...status, removing: true, removeError: null });
    // Its anonymous volumes were made for it a moment ago and hold nothing anyone chose to keep.
    client.call('containers.remove', { id: created.id, force: true, volumes: true }, { engine: status.engineId }).then(
      () => setStatus({ kind: 'removed', name: created.name }),
      (error: unknown) => setStatus({ kind: 'startFailed', engineId: status.engineId, result: created, removing: false, removeError: toBerthError(error).message }),
    );
  }, [clientSource, status]);

  return { status, outcome, submit, cancel, keepCreated, removeCreated };
}

type PushNotice = BerthState['ui']['pushNotice'];

/**
 * Created (and started, unless "Create only"): on to its page, saying what the engine warned
 * about. Started with Interactive + TTY, the page opens on its terminal, attached to it.
 */
function afterCreate(engineId: string | undefined, result: CreateResult, spec: RunSpec, start: boolean, pushNotice: PushNotice): void {
  if (result.warnings.length > 0) pushNotice({ area: 'app', message: `The engine warned while creating ${result.name}: ${result.warnings.join(' ')}` });
  window.location.hash = createdHref(engineId, result.id, start && spec.interactive && spec.tty ? 'terminal' : undefined);
}

/** The new container's page; created on the default engine before it was known, the page finds its engine itself. */
function createdHref(engineId: string | undefined, containerId: string, tab?: ContainerTab): string {
  return engineId === undefined ? containerHrefOnDefault(containerId, tab) : containerHref(engineId, containerId, tab);
}
