import type { imagesContract } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { DownloadHandlers, HandlerSlice, UploadHandlers } from '../../rpc/handlers.js';
import { loadImages, openImageArchive, saveImages, type ImageArchiveHost } from './archive.js';
import { ImagesService } from './images-service.js';
import { buildStream } from './build.js';
import { loadArchive } from './load-archive.js';

/** The images domain's handlers (`runtime/api/images.ts`). */
export function imagesHandlers(engine: EngineConnection, host: ImageArchiveHost = {}): HandlerSlice<typeof imagesContract> {
  const images = new ImagesService(engine);
  return {
    methods: {
      'images.list': (_params, signal) => images.list(signal),
      'images.remove': (params, signal) => images.remove(params, signal),
      'images.tag': (params, signal) => images.tag(params, signal),
    },
    streams: {
      'images.pull': (params, sink, signal) => images.pull(params, sink, signal),
      'images.build': (params, sink, signal) => buildStream(engine.client, params, sink, signal),
      'images.push': (params, sink, signal) => images.push(params, sink, signal),
      // Save and load (archive.ts).
      'images.save': (params, sink, signal) => saveImages(engine.client, params, host, sink, signal),
      'images.load': (params, sink, signal) => loadImages(engine.client, params, host, sink, signal),
    },
  };
}

/** The web host's image download (`/download/images`): the archive `images.save` writes, to the browser. */
export function imageDownloads(engine: Pick<EngineConnection, 'client'>): Pick<DownloadHandlers, 'images'> {
  return { images: (params, signal) => openImageArchive(engine.client, params.ids, signal) };
}

/** The web host's image upload (`POST /upload/images`): the browser's file streamed to the engine's load. */
export function imageUploads(engine: Pick<EngineConnection, 'client'>): Pick<UploadHandlers, 'images'> {
  return { images: (_params, body, signal) => loadArchive(engine.client, body, () => undefined, signal) };
}
