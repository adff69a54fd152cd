import { DisposableStore } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import type { ServiceHandlers } from '../rpc/handlers.js';
import { ContainersService } from './containers.js';
import { ContainerWatcher } from './container-watcher.js';
import { ContainerInspectionService } from './container-inspection.js';
import { ImageWatcher } from './image-watcher.js';
import { openEventsStream } from './events.js';
import { RunService } from './run/run-service.js';
import { ImagesService } from './images.js';
import { openStatsStream } from './stats.js';
import { TerminalSessions } from './terminal/sessions.js';
import { TerminalService } from './terminal/terminal-service.js';

/** Binds every contract method and stream to its service. One instance per engine connection. */
export function createServiceHandlers(engine: EngineConnection): { handlers: ServiceHandlers; dispose(): void } {
  const store = new DisposableStore();
  const containers = new ContainersService(engine);
  const inspection = new ContainerInspectionService(engine);
  const images = new ImagesService(engine);
  const run = new RunService(engine);
  const terminalSessions = new TerminalSessions();
  const terminals = new TerminalService(engine, terminalSessions);
  const watcher = store.add(new ContainerWatcher(engine, (containerId) => containers.summary(containerId)));
  const imageWatcher = store.add(new ImageWatcher(engine));

  const handlers: ServiceHandlers = {
    methods: {
      'engine.info': () => Promise.resolve(engine.status),
      'engine.startManaged': () => engine.startManaged(),
      'engine.stopManaged': () => engine.stopManaged(),
      'containers.list': (params, signal) => containers.list(params, signal),
      'containers.start': (params, signal) => containers.start(params, signal),
      'containers.stop': (params, signal) => containers.stop(params, signal),
      'containers.remove': (params, signal) => containers.remove(params, signal),
      'containers.restart': (params, signal) => containers.restart(params, signal),
      'containers.kill': (params, signal) => containers.kill(params, signal),
      'containers.pause': (params, signal) => containers.pause(params, signal),
      'containers.unpause': (params, signal) => containers.unpause(params, signal),
      'containers.rename': (params, signal) => containers.rename(params, signal),
      'containers.prune': (_params, signal) => containers.prune(signal),
      'containers.inspect': (params, signal) => inspection.inspect(params, signal),
      'containers.top': (params, signal) => inspection.top(params, signal),
      'containers.diff': (params, signal) => inspection.diff(params, signal),
      'containers.update': (params, signal) => inspection.update(params, signal),
      'containers.create': (params, signal) => run.create(params, signal),
      'containers.validateRun': (params, signal) => run.validateRun(params, signal),
      'containers.parseRunCommand': (params) => run.parseRunCommand(params),
      'containers.runCommand': (params, signal) => run.runCommand(params, signal),
      'containers.recreate': (params, signal) => run.recreate(params, signal),
      'images.list': (_params, signal) => images.list(signal),
      'images.remove': (params, signal) => images.remove(params, signal),
      'terminal.input': (params) => Promise.resolve(terminalSessions.input(params.sessionId, params.data)),
      'terminal.resize': (params, signal) => terminalSessions.resize(params.sessionId, params.cols, params.rows, signal),
      'terminal.flow': (params) => Promise.resolve(terminalSessions.flow(params.sessionId, params.paused)),
    },
    streams: {
      events: (_params, sink) => openEventsStream(engine, { containers: watcher, images: imageWatcher }, (event) => sink.emit(event)),
      'containers.stats': (params, sink) => openStatsStream(engine, params, sink),
      'images.pull': (params, sink) => images.pull(params, sink),
      'containers.attach': (params, sink) => terminals.attach(params, sink),
      'exec.open': (params, sink) => terminals.exec(params, sink),
    },
  };
  return { handlers, dispose: () => store.dispose() };
}
