import type { imageDetailsContract } from '../../api/index.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { HandlerSlice } from '../../rpc/handlers.js';
import { ImageDetailsService } from './image-details-service.js';

/** The handlers of `runtime/api/image-details.ts`: inspect, history, prune and its preview. */
export function imageDetailsHandlers(engine: EngineConnection): HandlerSlice<typeof imageDetailsContract> {
  const details = new ImageDetailsService(engine);
  return {
    methods: {
      'images.inspect': (params, signal) => details.inspect(params.id, signal),
      'images.history': (params, signal) => details.history(params.id, signal),
      'images.prunePreview': (params, signal) => details.prunePreview(params, signal),
      'images.prune': (params, signal) => details.prune(params, signal),
    },
    streams: {},
  };
}
