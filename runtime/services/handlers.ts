import { DisposableStore } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import { composeSlices, type DownloadHandlers, type EngineServices, type ServiceHandlers, type UploadHandlers } from '../rpc/handlers.js';
import { containerDetailsHandlers } from './container-inspection.js';
import { ContainerWatcher } from './container-watcher.js';
import { ContainersService, containerStoreOf, containersHandlers } from './containers.js';
import { engineHandlers } from './engine.js';
import { enginesHandlers } from './engines.js';
import type { EngineRegistry } from '../engine/registry/registry.js';
import { eventsHandlers } from './events.js';
import { EngineEventLog } from './engine-events/event-log.js';
import { engineEventsHandlers } from './engine-events/handlers.js';
import { ImageWatcher } from './image-watcher.js';
import type { ImageArchiveHost } from './images/archive.js';
import { imageDetailsHandlers } from './images/details-handlers.js';
import { imageDownloads, imagesHandlers, imageUploads } from './images/handlers.js';
import { logsDownloads, logsHandlers, type LogsHost } from './logs/logs-service.js';
import { registriesHandlers } from './registries/handlers.js';
import type { RegistriesService } from './registries/registries-service.js';
import { networksHandlers, networkStoreOf, networksWatcher } from './networks/handlers.js';
import { notificationsHandlers } from './notifications/handlers.js';
import type { NotificationCenter } from './notifications/notification-center.js';
import { watchForNotifications } from './notifications/notification-watch.js';
import { settingsHandlers } from './settings/handlers.js';
import type { SettingsService } from './settings/settings-service.js';
import { runHandlers } from './run/run-service.js';
import { HostCgroups } from './stats/host-cgroups.js';
import { StatsKeeper } from './stats/keeper.js';
import { statsHandlers } from './stats/handlers.js';
import { systemHandlers } from './system.js';
import { diskUsageHandlers } from './disk-usage/handlers.js';
import { terminalHandlers } from './terminal/terminal-service.js';
import { volumeDownloads, volumesHandlers, volumeStoreOf, volumeUploads } from './volumes/handlers.js';

/** What the program hosting the backend offers the services (the desktop app's dialogs). */
export type ServicesHost = LogsHost &
  ImageArchiveHost & {
    /** Read every container's stats from the engine's streams, never from this machine's cgroups (tests of the streams' path). */
    statsFromEngineOnly?: boolean | undefined;
  };

/** The backend's services that are not an engine's: one each, answering on every engine's connection. */
export interface BackendServices {
  registries: RegistriesService;
  notifications: NotificationCenter;
  settings: SettingsService;
}

/**
 * Every domain's handler slice, composed: one instance per engine connection. A new domain
 * adds one line to the list; the type says whether every method and stream has its handler,
 * and every download and upload of the web host its server.
 */
export function createServiceHandlers(engine: EngineConnection, registry: EngineRegistry, shared: BackendServices, host: ServicesHost = {}): EngineServices {
  const store = new DisposableStore();
  const containerService = new ContainersService(engine);
  const watchers = {
    containers: store.add(new ContainerWatcher(engine, (containerId) => containerService.summary(containerId))),
    images: store.add(new ImageWatcher(engine)),
    networks: store.add(networksWatcher(engine)),
  };
  const engineEvents = store.add(new EngineEventLog(engine));
  store.add(watchForNotifications(engineEvents, shared.notifications));
  const statsKeeper = store.add(new StatsKeeper(engine, Date.now, { host: host.statsFromEngineOnly ? null : new HostCgroups(), inspect: (containerId) => containerService.inspectShared(containerId) }));
  // Live lists, made by their first read or watch and kept for the connection's life.
  const volumeStore = store.add(volumeStoreOf(engine));
  const networkStore = store.add(networkStoreOf(engine));
  // The watcher and the live list share one service: an event's inspect is asked once for both.
  const containerStore = store.add(containerStoreOf(engine, containerService));
  const handlers: ServiceHandlers = composeSlices(
    engineHandlers(engine),
    enginesHandlers(registry),
    eventsHandlers(engine, watchers),
    systemHandlers(engine),
    diskUsageHandlers(engine),
    containersHandlers(engine, containerService, containerStore),
    containerDetailsHandlers(engine),
    runHandlers(engine),
    statsHandlers(engine, statsKeeper),
    imagesHandlers(engine, host),
    imageDetailsHandlers(engine),
    terminalHandlers(engine),
    logsHandlers(engine, host),
    registriesHandlers(shared.registries, engine),
    volumesHandlers(engine, volumeStore, host),
    networksHandlers(engine, watchers.networks, networkStore),
    engineEventsHandlers(engineEvents),
    notificationsHandlers(shared.notifications),
    settingsHandlers(shared.settings),
  );
  const downloads: DownloadHandlers = { ...logsDownloads(engine), ...imageDownloads(engine), ...volumeDownloads(engine) };
  const uploads: UploadHandlers = { ...imageUploads(engine), ...volumeUploads(engine, volumeStore) };
  return { handlers, downloads, uploads, dispose: () => store.dispose() };
}
