import type { EngineEventRecord } from '../../../runtime/api/index.js';
import { containerHref, imageHref, networkHref, volumeHref } from '../../app/routes.js';

/**
 * The page of the object an engine event is about, or null when Berth has no page for it
 * (daemon and plugin events). An object that
 * is gone since (`destroy`, `delete`) still links: its page says that it no longer exists.
 */
export function engineEventHref(event: EngineEventRecord): string | null {
  switch (event.type) {
    case 'container':
      return containerHref(event.engineId, event.actorId);
    case 'image':
      // The engine names an image by its id for most actions and by its reference for a pull or push; the page inspects either.
      return imageHref(event.engineId, event.actorId);
    case 'volume':
      return volumeHref(event.engineId, event.actorId);
    case 'network':
      return networkHref(event.engineId, event.actorId);
    default:
      return null;
  }
}

/** What the Object column shows: the name when the engine gave one, else a short id. */
export function engineEventObjectText(event: EngineEventRecord): string {
  if (event.name !== null && event.name !== '') return event.name;
  return /^(sha256:)?[0-9a-f]{64}$/.test(event.actorId) ? event.actorId.replace(/^sha256:/, '').slice(0, 12) : event.actorId;
}

/** Attributes worth a glance, in one line (`exitCode=137 signal=9 image=busybox`); labels and the name are left out. */
export function engineEventDetails(event: EngineEventRecord): string {
  const shown = ['exitCode', 'signal', 'image', 'container', 'driver', 'type'];
  return shown
    .filter((key) => event.attributes[key] !== undefined && !(key === 'container' && event.type === 'container'))
    .map((key) => `${key}=${event.attributes[key]}`)
    .join(' ');
}
