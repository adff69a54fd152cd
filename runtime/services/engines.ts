import { toDisposable, type EngineEntry, type enginesContract } from '../api/index.js';
import type { EngineRegistry } from '../engine/registry/registry.js';
import type { HandlerSlice } from '../rpc/handlers.js';

/**
 * The engines domain's handlers (`runtime/api/engines.ts`): the list of engines and what the
 * user changes about it. The same whichever engine a request names.
 */
export function enginesHandlers(registry: EngineRegistry): HandlerSlice<typeof enginesContract> {
  return {
    methods: {
      'engines.list': () => registry.list(),
      'engines.add': (params) => registry.add(params),
      'engines.update': (params) => registry.update(params.engine, params),
      'engines.remove': async (params) => {
        await registry.remove(params.engine);
        return null;
      },
      'engines.connect': (params) => registry.connect(params.engine),
      'engines.disconnect': (params) => registry.disconnect(params.engine),
      'engines.setDefault': (params) => registry.setDefault(params.engine),
    },
    streams: {
      'engines.watch': async (_params, sink) => {
        const subscription = registry.onChange((entries: EngineEntry[]) => sink.emit(entries));
        sink.emit(await registry.list());
        return toDisposable(() => subscription.dispose());
      },
    },
  };
}
