import { displayByteSize, type ManifestView } from '../../../runtime/api/index.js';
import { registryHref } from '../../app/routes.js';
import { Fact } from '../../ui/DetailSections.js';

/**
 * What a manifest says: its digest and media type; an image's platform, created date, total
 * size and layers; an index's platforms (each a link to its own manifest); or, for a media type
 * Berth does not know, the text the registry sent. Everything from the registry is text.
 */
export function ManifestFacts({ manifest }: { manifest: ManifestView }) {
  return (
    <>
      <dl className="facts">
        <Fact term="Digest">{manifest.digest}</Fact>
        <Fact term="Media type">{manifest.mediaType}</Fact>
        {manifest.os && <Fact term="OS / architecture">{`${manifest.os}/${manifest.architecture ?? '?'}`}</Fact>}
        {manifest.created !== undefined && <Fact term="Created">{manifest.created ?? 'not recorded'}</Fact>}
        {manifest.totalSizeBytes !== undefined && <Fact term="Total size">{`${displayByteSize(manifest.totalSizeBytes)} (${manifest.totalSizeBytes} bytes, compressed)`}</Fact>}
      </dl>
      {manifest.platforms && (
        <table className="registry-detail-table" aria-label="Platforms">
          <thead>
            <tr>
              <th scope="col">Platform</th>
              <th scope="col">Digest</th>
              <th scope="col">Size</th>
            </tr>
          </thead>
          <tbody>
            {manifest.platforms.map((platform) => (
              <tr key={platform.digest}>
                <td>{[platform.os, platform.architecture, platform.variant].filter(Boolean).join('/')}</td>
                <td className="digest">
                  <a href={registryHref(manifest.registry, manifest.repository, platform.digest)}>{platform.digest}</a>
                </td>
                <td className="size">{displayByteSize(platform.sizeBytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manifest.layers && (
        <table className="registry-detail-table" aria-label="Layers">
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Size</th>
              <th scope="col">Media type</th>
            </tr>
          </thead>
          <tbody>
            {manifest.layers.map((layer, index) => (
              <tr key={`${index}-${layer.digest}`}>
                <td className="digest">{layer.digest}</td>
                <td className="size" title={`${layer.sizeBytes} bytes`}>
                  {displayByteSize(layer.sizeBytes)}
                </td>
                <td>{layer.mediaType}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manifest.raw !== undefined && (
        <>
          <p role="note">Berth does not know this media type; the manifest as the registry sent it:</p>
          <pre className="registry-raw">{manifest.raw}</pre>
        </>
      )}
    </>
  );
}
