import { useState } from 'react';
import type { StreamParams } from '../../../../runtime/api/index.js';
import { Field } from '../../../ui/Field.js';
import type { EngineView } from '../../../stores/engineViews.js';
import { EngineSelect } from '../../../ui/EngineSelect.js';
import { buildParamsOf, emptyBuildForm, type BuildArgRow, type BuildFieldErrors, type BuildFormValues } from './buildForm.js';

interface BuildFormProps {
  isRunning: boolean;
  /** Refusals from the backend that name a field (a context that does not exist), shown next to it. */
  backendErrors: BuildFieldErrors;
  engineId: string | undefined;
  engineChoices: readonly EngineView[];
  onChooseEngine: (engineId: string) => void;
  onBuild: (params: StreamParams<'images.build'>) => void;
}

/** Every `docker build` option Berth takes, checked with the contract's rules before anything is sent. */
export function BuildForm({ isRunning, backendErrors, engineId, engineChoices, onChooseEngine, onBuild }: BuildFormProps) {
  const [values, setValues] = useState<BuildFormValues>(emptyBuildForm);
  const [submitted, setSubmitted] = useState(false);
  const [edited, setEdited] = useState(false);
  const check = buildParamsOf(values);
  // The form's own checks once a build was asked for; the backend's until the form changes.
  const errors: BuildFieldErrors = { ...(edited ? {} : backendErrors), ...(submitted ? check.errors : {}) };
  const set = (change: Partial<BuildFormValues>) => {
    setValues((current) => ({ ...current, ...change }));
    setEdited(true);
  };
  const setArg = (index: number, change: Partial<BuildArgRow>) => set({ buildArgs: values.buildArgs.map((row, i) => (i === index ? { ...row, ...change } : row)) });

  return (
    <form
      className="build-form"
      aria-label="Build options"
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        setEdited(false);
        if (check.params !== null && !isRunning) onBuild(check.params);
      }}
    >
      {engineChoices.length > 0 && (
        <EngineSelect engineId={engineId} choices={engineChoices} onChoose={onChooseEngine} hint="The image is built on this engine." disabled={isRunning} />
      )}
      <Field label="Context directory" hint="An absolute path on the machine Berth's backend runs on; its .dockerignore is honoured." error={errors.context ?? null}>
        {(control) => <input {...control} value={values.context} placeholder="/home/me/app" spellCheck={false} onChange={(event) => set({ context: event.target.value })} />}
      </Field>
      <Field label="Dockerfile" hint="Relative to the context, or an absolute path inside it." error={errors.dockerfile ?? null}>
        {(control) => <input {...control} value={values.dockerfile} spellCheck={false} onChange={(event) => set({ dockerfile: event.target.value })} />}
      </Field>
      <Field label="Tags" hint="Separated by spaces or commas, e.g. app:2 app:latest." error={errors.tags ?? null}>
        {(control) => <input {...control} value={values.tags} placeholder="app:2" spellCheck={false} onChange={(event) => set({ tags: event.target.value })} />}
      </Field>
      <fieldset className="build-args">
        <legend>Build args</legend>
        {values.buildArgs.map((row, index) => (
          <div className="build-arg-row" key={index}>
            <input aria-label={`Build arg ${index + 1} name`} placeholder="NAME" value={row.name} spellCheck={false} onChange={(event) => setArg(index, { name: event.target.value })} />
            <span aria-hidden="true">=</span>
            <input aria-label={`Build arg ${index + 1} value`} placeholder="value" value={row.value} spellCheck={false} onChange={(event) => setArg(index, { value: event.target.value })} />
            <button type="button" aria-label={`Remove build arg ${index + 1}`} onClick={() => set({ buildArgs: values.buildArgs.filter((_, i) => i !== index) })}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set({ buildArgs: [...values.buildArgs, { name: '', value: '' }] })}>
          Add build arg
        </button>
        {errors.buildArgs && (
          <span role="alert" className="field-error">
            {errors.buildArgs}
          </span>
        )}
      </fieldset>
      <Field label="Target stage" hint="Build up to this stage of a multi-stage Dockerfile (optional)." error={errors.target ?? null}>
        {(control) => <input {...control} value={values.target} spellCheck={false} onChange={(event) => set({ target: event.target.value })} />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={values.noCache} onChange={(event) => set({ noCache: event.target.checked })} />
        No cache: run every step again
      </label>
      <label className="check">
        <input type="checkbox" checked={values.pull} onChange={(event) => set({ pull: event.target.checked })} />
        Pull newer base images
      </label>
      <div className="build-form-buttons">
        <button type="submit" className="button-primary" disabled={isRunning}>
          Build
        </button>
      </div>
    </form>
  );
}
