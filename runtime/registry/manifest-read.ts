/**
 * Reading manifests (pure): an image manifest (OCI, or Docker's schema 2) gives its config and
 * layers; an index (OCI, or Docker's manifest list) gives one entry per platform; anything
 * else (schema 1, an artifact, a future type) is kept as its raw text, which is not an error.
 */

export const mediaTypes = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
} as const;

/** What to ask a registry for: every image and index type, so it never converts one to schema 1. */
export const manifestAccept = [mediaTypes.ociIndex, mediaTypes.ociManifest, mediaTypes.dockerList, mediaTypes.dockerManifest].join(', ');

const imageTypes = new Set<string>([mediaTypes.ociManifest, mediaTypes.dockerManifest]);
const indexTypes = new Set<string>([mediaTypes.ociIndex, mediaTypes.dockerList]);
export const imageConfigTypes = new Set<string>([mediaTypes.ociConfig, mediaTypes.dockerConfig]);

export interface Descriptor {
  mediaType: string;
  digest: string;
  /** Bytes. */
  size: number;
}

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface IndexEntry extends Descriptor {
  /** Absent when the index does not say (some artifacts). */
  platform?: Platform;
  /** A build attestation (provenance, SBOM) stored beside the images, not an image to run. */
  attestation: boolean;
}

export type ManifestContent =
  | { kind: 'image'; mediaType: string; config: Descriptor; layers: Descriptor[] }
  | { kind: 'index'; mediaType: string; manifests: IndexEntry[] }
  | { kind: 'unknown'; mediaType: string; raw: string };

export class ManifestShapeError extends Error {}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function descriptor(value: unknown, where: string): Descriptor {
  const fields = record(value);
  const { mediaType, digest, size } = fields ?? {};
  if (typeof digest !== 'string' || !/^[a-z0-9+._-]+:[a-zA-Z0-9=_-]+$/.test(digest)) throw new ManifestShapeError(`${where} has no valid digest`);
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw new ManifestShapeError(`${where} has no valid size`);
  return { mediaType: typeof mediaType === 'string' ? mediaType : '', digest, size };
}

function platform(value: unknown): Platform | undefined {
  const fields = record(value);
  if (fields === null || typeof fields.os !== 'string' || typeof fields.architecture !== 'string') return undefined;
  return { os: fields.os, architecture: fields.architecture, ...(typeof fields.variant === 'string' && fields.variant !== '' ? { variant: fields.variant } : {}) };
}

/** The media type: the answer's Content-Type, else the document's own `mediaType`, else its shape. */
function mediaTypeOf(contentType: string | undefined, document: Record<string, unknown> | null): string {
  const declared = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (imageTypes.has(declared) || indexTypes.has(declared)) return declared;
  if (document !== null && typeof document.mediaType === 'string' && document.mediaType !== '') return document.mediaType;
  if (document !== null && document.schemaVersion === 2 && Array.isArray(document.manifests)) return mediaTypes.ociIndex;
  if (document !== null && document.schemaVersion === 2 && record(document.config) !== null && Array.isArray(document.layers)) return mediaTypes.ociManifest;
  return declared === '' ? 'application/octet-stream' : declared;
}

export function readManifest(text: string, contentType: string | undefined): ManifestContent {
  let document: Record<string, unknown> | null = null;
  try {
    document = record(JSON.parse(text));
  } catch {
    // not JSON: kept raw below
  }
  const mediaType = mediaTypeOf(contentType, document);
  if (document !== null && imageTypes.has(mediaType)) {
    if (!Array.isArray(document.layers)) throw new ManifestShapeError('the image manifest has no layers list');
    return { kind: 'image', mediaType, config: descriptor(document.config, 'the config'), layers: document.layers.map((layer, index) => descriptor(layer, `layer ${index + 1}`)) };
  }
  if (document !== null && indexTypes.has(mediaType)) {
    if (!Array.isArray(document.manifests)) throw new ManifestShapeError('the index has no manifests list');
    const manifests = document.manifests.map((entry, index): IndexEntry => {
      const found = platform(record(entry)?.platform);
      const annotations = record(record(entry)?.annotations);
      const attestation = annotations?.['vnd.docker.reference.type'] === 'attestation-manifest';
      return { ...descriptor(entry, `entry ${index + 1}`), ...(found === undefined ? {} : { platform: found }), attestation };
    });
    return { kind: 'index', mediaType, manifests };
  }
  return { kind: 'unknown', mediaType, raw: text };
}

export interface ImageConfigFacts {
  /** RFC 3339, as the config says it. */
  created: string | null;
  platform: Platform | null;
}

/** The facts a listing shows from an image config blob. */
export function readImageConfig(text: string): ImageConfigFacts {
  let document: Record<string, unknown> | null;
  try {
    document = record(JSON.parse(text));
  } catch {
    throw new ManifestShapeError('the config blob is not JSON');
  }
  if (document === null) throw new ManifestShapeError('the config blob is not a JSON object');
  const created = typeof document.created === 'string' && !Number.isNaN(Date.parse(document.created)) ? document.created : null;
  return { created, platform: platform(document) ?? null };
}
