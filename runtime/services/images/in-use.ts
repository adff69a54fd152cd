import { BerthError, type ImageUser } from '../../api/index.js';
import type { EngineClient } from '../../engine/client/engine-client.js';
import { imageUsers } from './image-details.js';

/**
 * The engine refuses to remove an image a container uses with a 409 naming one container by a
 * short id. When that refusal comes, Berth looks up every container made from the image (by
 * image id, in the container list) and says who they are by name, keeping the engine's words;
 * `details.containers` lists them for the UI. A 409 with no container behind it (an id with
 * several tags, an image other images are built on) passes through as the engine said it.
 */
export async function namingImageUsers(error: unknown, client: EngineClient, engineId: string, reference: string, signal?: AbortSignal): Promise<unknown> {
  if (!(error instanceof BerthError) || error.code !== 'conflict') return error;
  try {
    const image = await client.images.inspectOrNull(reference, signal);
    if (image === null) return error;
    const users = imageUsers(engineId, image.Id, await client.containers.list({ all: true }, signal));
    if (users.length === 0) return error;
    return new BerthError('conflict', `${reference} is used by ${describeUsers(users)}. ${error.message}`, { ...error.details, containers: users });
  } catch {
    return error; // Looking further failed: the engine's own refusal still says why.
  }
}

/** `container web (running)`, `2 containers: db (exited), web (running)`. */
export function describeUsers(users: readonly ImageUser[]): string {
  const named = users.map((user) => `${user.name} (${user.state})`).join(', ');
  return users.length === 1 ? `container ${named}` : `${users.length} containers: ${named}`;
}
