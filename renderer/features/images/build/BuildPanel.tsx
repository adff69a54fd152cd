import './build.css';
import { useEffect, useId, useRef } from 'react';
import { displayByteSize } from '../../../../runtime/api/index.js';
import { runHref } from '../../run/runRoute.js';
import { useRunEngine } from '../../run/useRunEngine.js';
import { BuildForm } from './BuildForm.js';
import { fieldOfError, type BuildFieldErrors } from './buildForm.js';
import type { BuildLogModel } from './buildLog.js';
import { BuildLogView } from './BuildLogView.js';
import { useBuild } from './useBuild.js';

/** How many lines of the failing step's output the failure box repeats (the whole log stays below it). */
const failedOutputLines = 200;

/**
 * "Build an image" on the Images page: the form, then the live log with Cancel, and at the end
 * Run (the Run form for the new image on its engine) or the failing step with its output.
 * Closing the panel or leaving the page cancels a running build.
 */
export function BuildPanel({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const build = useBuild();
  const engine = useRunEngine(null);
  const model = build.model;
  const isRunning = model?.status === 'running';
  const field = model?.error ? fieldOfError(model.error) : null;
  const backendErrors: BuildFieldErrors = field !== null && model?.error ? { [field]: model.error.message } : {};

  return (
    <section className="build-panel" aria-labelledby={titleId}>
      <header className="build-panel-header">
        <h2 id={titleId}>Build an image</h2>
        <button
          type="button"
          onClick={() => {
            build.cancel();
            onClose();
          }}
        >
          Close
        </button>
      </header>
      <BuildForm
        isRunning={isRunning}
        backendErrors={backendErrors}
        engineId={engine.engineId}
        engineChoices={engine.choices}
        onChooseEngine={engine.choose}
        onBuild={(params) => build.start(params, engine.engineId)}
      />
      {model !== null && <BuildProgress model={model} engineId={build.engineId} onCancel={build.cancel} />}
    </section>
  );
}

function BuildProgress({ model, engineId, onCancel }: { model: BuildLogModel; engineId: string | undefined; onCancel: () => void }) {
  const failedStep = model.failedStep;
  const runTarget = model.tags[0] ?? model.imageId;
  const statusRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  // The panel scrolls inside itself: bring a new build's progress, then its failure, into view.
  // (In braces: current Chromium answers scrollIntoView with a promise, which React would take for a cleanup.)
  useEffect(() => {
    statusRef.current?.scrollIntoView?.({ block: 'start' });
  }, [model]);
  useEffect(() => {
    if (model.status === 'failed') failureRef.current?.scrollIntoView?.({ block: 'start' });
  }, [model, model.status]);
  return (
    <div className="build-progress">
      <div className="build-status" ref={statusRef}>
        <p aria-live="polite" className={`build-status-text build-status-${model.status}`}>
          {statusText(model)}
        </p>
        {model.status === 'running' && (
          <button type="button" className="button-danger" onClick={onCancel}>
            Cancel build
          </button>
        )}
        {model.status === 'built' && runTarget !== null && (
          <a className="button-link button-primary" href={runHref(runTarget, engineId)}>
            Run
          </a>
        )}
      </div>
      {model.status === 'failed' && model.error !== null && (
        <div role="alert" className="build-failure" ref={failureRef}>
          <p className="build-failure-message">{model.error.message}</p>
          {failedStep !== null && (
            <>
              <p className="build-failure-step">
                Failing step: Step {failedStep.index}/{failedStep.total} : {failedStep.instruction}
              </p>
              <pre className="build-failure-output" aria-label={`Output of step ${failedStep.index}`}>
                {model.linesOf(failedStep.index).slice(-failedOutputLines).join('\n')}
              </pre>
            </>
          )}
        </div>
      )}
      {model.rows.length > 0 && <BuildLogView rows={model.rows} version={model.version} failedStep={failedStep?.index ?? null} />}
      {model.dropped > 0 && <p className="field-hint">The first {model.dropped.toLocaleString()} lines are no longer shown.</p>}
    </div>
  );
}

function statusText(model: BuildLogModel): string {
  const step = model.steps.at(-1);
  switch (model.status) {
    case 'running':
      if (step) return `Building: step ${step.index} of ${step.total}`;
      if (model.context) return `Sending the context: ${model.context.files.toLocaleString()} files, ${displayByteSize(model.context.bytes)}`;
      return 'Checking the context…';
    case 'built':
      return `Built ${model.imageId?.replace(/^sha256:/, '').slice(0, 12) ?? ''}${model.tags.length > 0 ? ` as ${model.tags.join(', ')}` : ''}`;
    case 'failed':
      return step ? `Failed at step ${step.index} of ${step.total}` : 'The build did not start';
    case 'cancelled':
      return 'Cancelled: the engine stopped the build';
  }
}
