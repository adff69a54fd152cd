import type { ContainerDetails } from '../../../runtime/api/index.js';
import { EnvTable } from './EnvTable.js';
import { LabelTable, MountTable, PortTable } from './OverviewTables.js';
import { ContainerNetworks } from '../networks/ContainerNetworks.js';
import { Fact, Section } from '../../ui/DetailSections.js';

/** Everything a person asks first about a container, each value as the engine reported it (as text). */
export function OverviewTab({ details }: { details: ContainerDetails }) {
  const { state, limits } = details;
  const restart = limits.restart.name === '' ? 'no' : limits.restart.name;
  return (
    <div className="overview">
      <section aria-labelledby="overview-state">
        <h2 id="overview-state">State</h2>
        <dl className="facts">
          <Fact term="Status">{stateSentence(details)}</Fact>
          {!state.running && state.startedAt !== null && <Fact term="Exit code">{String(state.exitCode)}</Fact>}
          {!state.running && state.startedAt !== null && <Fact term="Killed for lack of memory (OOM)">{state.oomKilled ? 'yes' : 'no'}</Fact>}
          {state.health !== null && <Fact term="Health">{state.health}</Fact>}
          {state.error !== '' && <Fact term="Error">{state.error}</Fact>}
          <Fact term="Started">{timeText(state.startedAt)}</Fact>
          <Fact term="Finished">{timeText(state.finishedAt)}</Fact>
          <Fact term="Restart count">{String(details.restartCount)}</Fact>
          <Fact term="Restart policy">{limits.restart.name === 'on-failure' && limits.restart.maxRetries > 0 ? `${restart} (at most ${limits.restart.maxRetries} retries)` : restart}</Fact>
        </dl>
      </section>
      <section aria-labelledby="overview-image">
        <h2 id="overview-image">Image and command</h2>
        <dl className="facts">
          <Fact term="Image">{details.image}</Fact>
          <Fact term="Image id">{details.imageId}</Fact>
          <Fact term="Digest">{details.imageDigest ?? 'unknown (built or loaded locally)'}</Fact>
          <Fact term="Command">{details.command.length > 0 ? details.command.join(' ') : '(none)'}</Fact>
          <Fact term="Container id">{details.id}</Fact>
        </dl>
      </section>
      <Section id="overview-ports" title="Ports">
        <PortTable ports={details.ports} />
      </Section>
      <Section id="overview-mounts" title="Mounts">
        <MountTable mounts={details.mounts} />
      </Section>
      <Section id="overview-networks" title="Networks">
        <ContainerNetworks details={details} />
      </Section>
      <Section id="overview-labels" title="Labels">
        <LabelTable labels={details.labels} />
      </Section>
      <Section id="overview-env" title="Environment">
        <EnvTable env={details.env} />
      </Section>
    </div>
  );
}

/** "running", "paused", "restarting", "exited (137)": the engine's flags in one truthful phrase. */
export function stateSentence({ state }: Pick<ContainerDetails, 'state'>): string {
  if (state.status === 'exited') return `exited (${state.exitCode})${state.oomKilled ? ', killed for lack of memory (OOM)' : ''}`;
  return state.status;
}

function timeText(iso: string | null): string {
  if (iso === null) return 'never';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
