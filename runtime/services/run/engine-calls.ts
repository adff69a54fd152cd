import { BerthError } from '../../api/index.js';
import type { EngineClient } from '../../engine/client/engine-client.js';
import type { EngineImageConfig } from '../../engine/json/image.js';
import { checkImageReference } from '../../api/image-reference.js';
import { pullImage } from '../images/pull.js';

/** The image's own config (empty when it sets none), or null when the engine does not have it. */
export async function inspectImageConfig(client: EngineClient, image: string, signal?: AbortSignal): Promise<EngineImageConfig | null> {
  const found = await client.images.inspectOrNull(image, signal);
  return found === null ? null : (found.Config ?? {});
}

/**
 * Pulls the image as `--pull` says (`missing`: unless the engine has it; `always`; `never`),
 * through the backend's one pull (progress is not reported here), for `--platform` if given.
 */
export async function ensureImage(client: EngineClient, image: string, signal?: AbortSignal, policy: 'missing' | 'always' | 'never' = 'missing', platform?: string): Promise<void> {
  if (policy === 'never') return; // create says so when the engine lacks it
  if (policy === 'missing' && (await inspectImageConfig(client, image, signal)) !== null) return;
  const check = checkImageReference(image);
  if (!check.ok) throw new BerthError('invalid_argument', `image: ${check.reason}`, { field: 'image' });
  if (check.reference === null) return; // an image id: nothing to pull; create will say it is missing
  await pullImage(client, image, () => undefined, signal, platform === undefined ? {} : { platform });
}

/**
 * The engine answers a container it cannot make or start from a spec (a user the image lacks,
 * a missing program, an init binary Podman lacks) with its internal error, 500: the spec is what
 * it refused, so that is `invalid_argument` naming the spec, not a bug in Berth.
 */
export function specRefusal(error: unknown): unknown {
  if (!(error instanceof BerthError)) return error;
  const status = error.details?.status;
  if (typeof status !== 'number' || status < 500) return error;
  return new BerthError('invalid_argument', error.message, { ...error.details, field: 'spec' });
}
