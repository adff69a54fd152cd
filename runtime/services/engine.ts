import type { engineContract } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import type { HandlerSlice } from '../rpc/handlers.js';

/** The engine domain's handlers (`runtime/api/engine.ts`): the connection's status and the managed engine. */
export function engineHandlers(engine: EngineConnection): HandlerSlice<typeof engineContract> {
  return {
    methods: {
      'engine.info': () => Promise.resolve(engine.status),
      'engine.startManaged': () => engine.startManaged(),
      'engine.stopManaged': () => engine.stopManaged(),
    },
    streams: {},
  };
}
