import type { ManifestView } from '../../api/index.js';
import type { ManifestSummary } from '../../registry/index.js';

/** The registry client's manifest as the contract shows it (registries.manifest). */
export function manifestView(registry: string, summary: ManifestSummary): ManifestView {
  const common = { registry, repository: summary.repository, reference: summary.reference, digest: summary.digest, mediaType: summary.mediaType };
  if (summary.kind === 'image') {
    return {
      ...common,
      kind: 'image',
      layers: summary.layers.map((layer) => ({ digest: layer.digest, mediaType: layer.mediaType, sizeBytes: layer.size })),
      totalSizeBytes: summary.totalSize,
      created: summary.created,
      ...(summary.platform ? { os: summary.platform.os, architecture: summary.platform.architecture } : {}),
    };
  }
  if (summary.kind === 'index') {
    return {
      ...common,
      kind: 'index',
      // Attestations (provenance, SBOMs) are stored beside the images; they are not platforms to pull.
      platforms: summary.platforms
        .filter((entry) => !entry.attestation)
        .map((entry) => ({
          os: entry.platform?.os ?? 'unknown',
          architecture: entry.platform?.architecture ?? 'unknown',
          ...(entry.platform?.variant ? { variant: entry.platform.variant } : {}),
          digest: entry.digest,
          sizeBytes: entry.size,
        })),
    };
  }
  return { ...common, kind: 'unknown', raw: summary.raw };
}
