import { useCallback, useEffect, useMemo, useReducer, useRef, type FormEvent } from 'react';
import { buildSpec, checkLocally } from './model/buildSpec.js';
import { draftReducer, initialRunState } from './model/draftReducer.js';
import { fieldDomId } from './model/fieldPaths.js';
import { AdvancedSection } from './form/AdvancedSection.js';
import { CommandSection } from './form/CommandSection.js';
import { EngineSection } from './form/EngineSection.js';
import { EnvironmentSection } from './form/EnvironmentSection.js';
import { ImageOffers } from './form/ImageOffers.js';
import { ImageSection } from './form/ImageSection.js';
import { MountsSection } from './form/MountsSection.js';
import { NetworkSection } from './form/NetworkSection.js';
import { OptionsSection } from './form/OptionsSection.js';
import { PortsSection } from './form/PortsSection.js';
import { ResourcesSection } from './form/ResourcesSection.js';
import { RestartSection } from './form/RestartSection.js';
import { RunFormContext } from './form/runFormContext.js';
import { SecuritySection } from './form/SecuritySection.js';
import { PasteCommand } from './PasteCommand.js';
import { PullProgressView } from './PullProgressView.js';
import { StartFailure } from './StartFailure.js';
import { SubmitBar } from './SubmitBar.js';
import { useLiveCheck } from './useLiveCheck.js';
import { useLocalImages } from './useLocalImages.js';
import { useRunEngine } from './useRunEngine.js';
import { useRunSubmit } from './useRunSubmit.js';
import { useShownMessages } from './useShownMessages.js';

interface RunFormProps {
  initialImage: string;
  /** The engine the address names (`#/run?engine=ID`); null or absent: the default engine. */
  initialEngine?: string | null;
  /** A named volume to start with mounted (`#/run?volume=NAME`, from a volume's page); null or absent: none. */
  initialVolume?: string | null;
}

/** The Run form: the engine, the draft (useReducer, local to the page), its checks, and the Run flow. */
export function RunForm({ initialImage, initialEngine = null, initialVolume = null }: RunFormProps) {
  const [state, dispatch] = useReducer(draftReducer, { image: initialImage, volume: initialVolume }, initialRunState);
  const engine = useRunEngine(initialEngine);
  const { engineId } = engine;
  const built = useMemo(() => buildSpec(state.draft), [state.draft]);
  const local = useMemo(() => checkLocally(built), [built]);
  const live = useLiveCheck(built, engineId);
  const images = useLocalImages(engineId);
  const run = useRunSubmit(engineId);
  const shown = useShownMessages(state, built, local, live, run.outcome);
  const context = useMemo(() => ({ dispatch, messages: shown.fields, engineId }), [shown.fields, engineId]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const busy = run.status.kind === 'busy' || run.status.kind === 'startFailed';

  const { outcome, submit: startRun } = run;
  const submit = useCallback(
    (start: boolean) => {
      if (busy) return;
      dispatch({ type: 'touchAll' });
      startRun(built, start);
    },
    [busy, built, startRun],
  );

  // After a Run that found problems, focus goes to the first one so it is read out with its
  // reason. Only a new outcome moves focus, never typing.
  const { issueFields } = shown;
  const focusedFor = useRef<typeof outcome>(null);
  useEffect(() => {
    if (outcome === focusedFor.current) return;
    focusedFor.current = outcome;
    if (outcome === null || (outcome.issues.length === 0 && outcome.alert === null)) return;
    (firstInDocument(issueFields.map((field) => document.getElementById(fieldDomId(field)))) ?? summaryRef.current)?.focus();
  }, [outcome, issueFields]);

  const { draft } = state;
  return (
    <RunFormContext value={context}>
      <PasteCommand engineId={engineId} onSpec={(spec) => dispatch({ type: 'fillFromSpec', spec })} />
      <form
        className="run-form"
        noValidate
        aria-label="Run a container"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          submit(true);
        }}
      >
        <fieldset className="run-sections" disabled={busy}>
          <legend className="visually-hidden">Container settings</legend>
          <EngineSection engineId={engineId} choices={engine.choices} onChoose={engine.choose} />
          <ImageSection image={draft.image} name={draft.name} images={images} />
          <ImageOffers image={draft.image} images={images} ports={draft.ports} mounts={draft.mounts} />
          <CommandSection command={draft.command} entrypoint={draft.entrypoint} clearEntrypoint={draft.clearEntrypoint} workdir={draft.workdir} />
          <EnvironmentSection env={draft.env} />
          <PortsSection ports={draft.ports} publishAll={draft.publishAll} />
          <MountsSection mounts={draft.mounts} />
          <RestartSection restart={draft.restart} />
          <ResourcesSection resources={draft.resources} />
          <NetworkSection network={draft.network} hostname={draft.hostname} extraHosts={draft.extraHosts} dns={draft.dns} />
          <SecuritySection {...draft} />
          <OptionsSection {...draft} />
          <AdvancedSection advanced={draft.advanced} />
        </fieldset>
        <SubmitBar
          ref={summaryRef}
          status={run.status}
          outcome={outcome?.built === built ? outcome : null}
          unplacedIssues={shown.unplacedIssues}
          unplacedWarnings={shown.unplacedWarnings}
          issueCount={shown.issueCount}
          checkUnavailable={live.unavailable}
          onCreateOnly={() => submit(false)}
        />
      </form>
      {run.status.kind === 'busy' && run.status.pull !== null && <PullProgressView pull={run.status.pull} onCancel={run.cancel} />}
      {run.status.kind === 'startFailed' && (
        <StartFailure
          created={run.status.result}
          removing={run.status.removing}
          removeError={run.status.removeError}
          onKeep={run.keepCreated}
          onRemove={run.removeCreated}
        />
      )}
      {run.status.kind === 'removed' && <p role="status">Removed {run.status.name}. Nothing was left behind; change the settings and run again.</p>}
    </RunFormContext>
  );
}

/** The element that comes first on the page, so focus lands on the topmost problem. */
function firstInDocument(elements: (HTMLElement | null)[]): HTMLElement | null {
  return elements.reduce<HTMLElement | null>(
    (first, element) => (element !== null && (first === null || (first.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING) !== 0) ? element : first),
    null,
  );
}
