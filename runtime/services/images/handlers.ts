import type { imagesContract } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { HandlerSlice } from '../../rpc/handlers.js';
import { ImagesService } from './images-service.js';
import { buildStream } from './build.js';

/** The images domain's handlers (`runtime/api/images.ts`). */
export function imagesHandlers(engine: EngineConnection): HandlerSlice<typeof imagesContract> {
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
    },
  };
}
