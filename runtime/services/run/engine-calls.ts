import type Docker from 'dockerode';
import { BerthError } from '../../api/index.js';
import { checkImageReference } from '../../api/image-reference.js';
import type { CreateBody } from './create-body.js';
import type { InspectedContainer, InspectedImageConfig } from './engine-shapes.js';
import { pullImage } from '../images.js';

/**
 * The engine calls the run services make, wrapped once: dockerode's `createContainer` would
 * put the whole body into the query string too (docker-modem sends `options` as both), which
 * breaks on long environments, so create goes through the modem with an explicit query and body.
 * Errors are left as dockerode throws them; callers map them with fromEngineError.
 */

export async function createContainer(docker: Docker, name: string | undefined, body: CreateBody, signal?: AbortSignal): Promise<{ id: string; warnings: string[] }> {
  const answer = await new Promise<unknown>((resolve, reject) => {
    docker.modem.dial(
      {
        path: '/containers/create?',
        method: 'POST',
        options: { _query: name === undefined ? {} : { name }, _body: body },
        statusCodes: { 200: true, 201: true, 400: 'bad parameter', 404: 'no such image', 409: 'conflict', 500: 'server error' },
        ...(signal ? { abortSignal: signal } : {}),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  const created = answer as { Id?: string; Warnings?: string[] | null };
  if (typeof created.Id !== 'string') throw new BerthError('internal', 'The engine answered the create request without a container id.');
  return { id: created.Id, warnings: created.Warnings ?? [] };
}

export async function inspectContainer(docker: Docker, id: string, signal?: AbortSignal): Promise<InspectedContainer> {
  return (await docker.getContainer(id).inspect(signal ? { abortSignal: signal } : {})) as unknown as InspectedContainer;
}

/** The image's own config, or null when the engine no longer has it (404). */
export async function inspectImageConfig(docker: Docker, image: string): Promise<InspectedImageConfig | null> {
  try {
    // Not cancellable: dockerode passes no signal for image inspect, and it is a short call.
    const info = (await docker.getImage(image).inspect()) as unknown as { Config?: InspectedImageConfig | null };
    return info.Config ?? {};
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

export function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { statusCode?: unknown }).statusCode === 'number'
    ? (error as { statusCode: number }).statusCode
    : undefined;
}

/** Pulls the image unless the engine has it, through the backend's one pull (progress is not reported here). */
export async function ensureImage(docker: Docker, image: string, signal?: AbortSignal): Promise<void> {
  if ((await inspectImageConfig(docker, image)) !== null) return;
  const check = checkImageReference(image);
  if (!check.ok) throw new BerthError('invalid_argument', `image: ${check.reason}`, { field: 'image' });
  if (check.reference === null) return; // an image id: nothing to pull; create will say it is missing
  await pullImage(docker, image, () => undefined, signal);
}
