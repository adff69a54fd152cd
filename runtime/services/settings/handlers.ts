import type { settingsContract } from '../../api/index.js';
import type { HandlerSlice } from '../../rpc/handlers.js';
import type { SettingsService } from './settings-service.js';

/** The settings domain, answered on every engine's connection from the backend's one SettingsService (settings are not an engine's). */
export function settingsHandlers(settings: SettingsService): HandlerSlice<typeof settingsContract> {
  return {
    methods: {
      'settings.get': () => settings.get(),
      'settings.update': (patch) => settings.update(patch),
    },
    streams: {
      'settings.watch': async (_params, sink) => {
        const listening = settings.onChange((value) => sink.emit(value));
        sink.emit(await settings.get());
        return listening;
      },
    },
  };
}
