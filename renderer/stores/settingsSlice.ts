import { defaultSettings, type Settings } from '../../runtime/api/index.js';
import type { SliceCreator } from './store.js';

export interface SettingsSlice {
  settings: {
    /** Berth's settings as the backend last said (`settings.watch`); the defaults until it has. */
    value: Settings;
    /** The backend has said them at least once. */
    loaded: boolean;
    set: (value: Settings) => void;
  };
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  settings: {
    value: defaultSettings,
    loaded: false,
    set: (value) => set((s) => ({ settings: { ...s.settings, value, loaded: true } })),
  },
});
