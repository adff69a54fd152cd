import { displayByteSize, type EngineIdentity } from '../../../runtime/api/index.js';
import { useMethodResult } from '../container-details/useMethodResult.js';

/** What `docker info` (and the connection's `docker version`) say about one engine: a short list of facts. */
export function EngineFacts({ engineId, identity }: { engineId: string; identity: EngineIdentity | undefined }) {
  const { data: info, error } = useMethodResult('system.info', {}, { engineId });
  const facts: [string, string][] = [
    ['Engine', identity ? `${identity.name} ${identity.version} (API ${identity.apiVersion})` : '–'],
    ['Operating system', info ? `${info.operatingSystem} (${info.osType}/${info.architecture})` : '–'],
    ['Kernel', info?.kernelVersion || '–'],
    ['Storage driver', info?.storageDriver || '–'],
    ['Cgroups', info ? `${info.cgroupVersion ? `v${info.cgroupVersion}` : 'version not said'}${info.cgroupDriver ? `, ${info.cgroupDriver} driver` : ''}` : '–'],
    ['CPUs', info ? String(info.cpus) : '–'],
    ['Memory', info ? displayByteSize(info.memoryBytes) : '–'],
    ['Rootless', info ? (info.rootless ? 'yes' : 'no') : '–'],
    ['Security options', info ? info.securityOptions.join('; ') || 'none' : '–'],
  ];
  return (
    <section className="dashboard-section" aria-label="Engine facts">
      <h3>Engine</h3>
      {error !== null && info === null && (
        <p className="error-text" role="alert">
          Could not read the engine&apos;s facts: {error.message}
        </p>
      )}
      <dl className="dashboard-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
