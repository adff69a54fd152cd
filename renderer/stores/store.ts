import { createStore, useStore, type StateCreator, type StoreApi } from 'zustand';
import { createContainersSlice, type ContainersSlice } from './containersSlice.js';
import { createEngineSlice, type EngineSlice } from './engineSlice.js';
import { createEnginesSlice, type EnginesSlice } from './enginesSlice.js';
import { createImagesSlice, type ImagesSlice } from './imagesSlice.js';
import { createNetworksSlice, type NetworksSlice } from './networksSlice.js';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice.js';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice.js';
import { createTasksSlice, type TasksSlice } from './tasksSlice.js';
import { createUiSlice, type UiSlice } from './uiSlice.js';
import { createVolumesSlice, type VolumesSlice } from './volumesSlice.js';

/**
 * The one bound store (zustand slices pattern). Each slice lives under its own key so that
 * actions of different areas never collide (`containers.replaceEngine`, `images.replaceEngine`).
 */
export type BerthState = EngineSlice & EnginesSlice & ContainersSlice & ImagesSlice & SelectionSlice & UiSlice & TasksSlice & VolumesSlice & NetworksSlice & SettingsSlice;

/** How a slice is written: it sees the whole state but returns only its own key. */
export type SliceCreator<T> = StateCreator<BerthState, [], [], T>;

export type BerthStore = StoreApi<BerthState>;

/** A fresh store; tests make their own, the app uses `berthStore`. */
export function createBerthStore(): BerthStore {
  return createStore<BerthState>()((...a) => ({
    ...createEngineSlice(...a),
    ...createEnginesSlice(...a),
    ...createContainersSlice(...a),
    ...createImagesSlice(...a),
    ...createSelectionSlice(...a),
    ...createUiSlice(...a),
    ...createTasksSlice(...a),
    ...createVolumesSlice(...a),
    ...createNetworksSlice(...a),
    ...createSettingsSlice(...a),
  }));
}

export const berthStore = createBerthStore();

/** Select one atomic value from the app's store; components re-render only when it changes. */
export function useBerth<T>(selector: (state: BerthState) => T): T {
  return useStore(berthStore, selector);
}
