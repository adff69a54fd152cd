import { displayByteSize, type ImageConfig, type ImageDetails } from '../../../runtime/api/index.js';
import { joinShellWords } from '../../../runtime/api/shell-words.js';
import { EnvTable } from '../container-details/EnvTable.js';
import { LabelTable } from '../container-details/OverviewTables.js';
import { Fact, Section } from '../../ui/DetailSections.js';

/** The image at a glance (ids, digests, platform, size) and its config, every value as text. */
export function ImageFacts({ details }: { details: ImageDetails }) {
  const { config } = details;
  const platform = [details.os, details.architecture, details.variant].filter((part) => part !== null && part !== '').join('/');
  return (
    <div className="overview">
      <section aria-labelledby="image-overview">
        <h2 id="image-overview">Image</h2>
        <dl className="facts">
          <Fact term="Image id">{details.id}</Fact>
          <Fact term="Tags">{details.repoTags.length > 0 ? details.repoTags.join(', ') : '(untagged)'}</Fact>
          <Fact term="Repo digests">{details.repoDigests.length > 0 ? details.repoDigests.join('\n') : 'none (built or loaded here, never pushed or pulled)'}</Fact>
          <Fact term="Created">{details.created === null ? 'unknown' : new Date(details.created).toLocaleString()}</Fact>
          <Fact term="OS/architecture">{platform || 'unknown'}</Fact>
          <Fact term="Size">{`${displayByteSize(details.sizeBytes)} (${details.sizeBytes} bytes, shared layers included)`}</Fact>
          {details.author !== '' && <Fact term="Author">{details.author}</Fact>}
          {details.comment !== '' && <Fact term="Comment">{details.comment}</Fact>}
          {details.parentId !== null && <Fact term="Parent image">{details.parentId}</Fact>}
        </dl>
      </section>
      <ConfigFacts config={config} />
      <Section id="image-ports" title="Exposed ports">
        {config.exposedPorts.length > 0 ? <p className="mono">{config.exposedPorts.map((port) => `${port.port}/${port.protocol}`).join(', ')}</p> : <p className="empty">None.</p>}
      </Section>
      <Section id="image-volumes" title="Volumes">
        {config.volumes.length > 0 ? <p className="mono">{config.volumes.join(', ')}</p> : <p className="empty">None.</p>}
      </Section>
      <Section id="image-labels" title="Labels">
        <LabelTable labels={config.labels} />
      </Section>
      <Section id="image-env" title="Environment">
        <EnvTable env={config.env} />
      </Section>
      <Section id="image-layers" title="Layer digests">
        {details.layers.length > 0 ? (
          <ol className="mono layer-list" aria-label="Layer digests, base first">
            {details.layers.map((layer, index) => (
              <li key={`${index}:${layer}`}>{layer}</li>
            ))}
          </ol>
        ) : (
          <p className="empty">No layers.</p>
        )}
      </Section>
    </div>
  );
}

function ConfigFacts({ config }: { config: ImageConfig }) {
  const health = config.healthcheck;
  return (
    <section aria-labelledby="image-config">
      <h2 id="image-config">Config</h2>
      <dl className="facts">
        <Fact term="Entrypoint">{config.entrypoint === null ? '(none)' : joinShellWords(config.entrypoint)}</Fact>
        <Fact term="Command">{config.cmd === null ? '(none)' : joinShellWords(config.cmd)}</Fact>
        <Fact term="User">{config.user === '' ? 'root (not set)' : config.user}</Fact>
        <Fact term="Working directory">{config.workingDir === '' ? '/ (not set)' : config.workingDir}</Fact>
        <Fact term="Stop signal">{config.stopSignal ?? 'SIGTERM (not set)'}</Fact>
        <Fact term="Healthcheck">{health === null ? '(none)' : healthText(health)}</Fact>
      </dl>
    </section>
  );
}

function healthText(health: NonNullable<ImageConfig['healthcheck']>): string {
  const [kind, ...rest] = health.test;
  const test = kind === 'NONE' ? 'turned off' : kind === 'CMD-SHELL' ? rest.join(' ') : joinShellWords(rest);
  const every = [
    health.intervalSeconds !== null && `every ${health.intervalSeconds} s`,
    health.timeoutSeconds !== null && `timeout ${health.timeoutSeconds} s`,
    health.startPeriodSeconds !== null && `start period ${health.startPeriodSeconds} s`,
    health.retries !== null && `${health.retries} retries`,
  ].filter((part) => part !== false);
  return every.length > 0 ? `${test} (${every.join(', ')})` : test;
}
