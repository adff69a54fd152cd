import { envFlag, envInt } from './support.js';

/** What a run measures and how often; every number can be overridden from the environment. */

export interface BenchSettings {
  /** Containers in the engine during the run (BENCH_CONTAINERS). */
  containers: number;
  /** Of those, running (BENCH_RUNNING). */
  running: number;
  /** Of those, stopped ones that the start measure starts one by one (BENCH_STARTS). */
  starts: number;
  /** Timed list calls each for Berth, the raw engine call and the docker CLI (BENCH_LIST_ITERATIONS). */
  listIterations: number;
  /** Untimed calls before them (BENCH_WARMUP). */
  warmup: number;
  /** Page opens, each in a fresh browser context (BENCH_PAGE_RUNS). */
  pageRuns: number;
  /** Idle window for counting engine calls (BENCH_IDLE_SECONDS). */
  idleSeconds: number;
  /** Containers created and started each through Berth, `docker run -d` and the raw engine (BENCH_CREATE_RUNS). */
  createRuns: number;
  /** Running containers each side stops at once in the bulk stop measure (BENCH_STOP_CONTAINERS). */
  stopContainers: number;
  /** Bulk stop rounds, each with fresh containers on both sides (BENCH_STOP_ROUNDS). */
  stopRounds: number;
  /** Bytes of output per terminal run (BENCH_TERMINAL_BYTES). */
  terminalBytes: number;
  /** Terminal output runs each through Berth and `docker exec` (BENCH_TERMINAL_RUNS). */
  terminalRuns: number;
  /** Keystrokes timed to their echo, each through Berth and a raw socket (BENCH_KEYSTROKES). */
  keystrokes: number;
  /** How long to wait for the page to show something before calling it a failure (BENCH_TIMEOUT_MS). */
  timeoutMs: number;
  /** Run the several-engines measures (default, TLS and ssh engines at once); BENCH_ENGINES=0 skips them for quick runs. */
  engines: boolean;
  /** Containers in each of the three engines for those measures (BENCH_ENGINE_CONTAINERS). */
  engineContainers: number;
  /** External starts timed on both hosts in the hanging-engine measure (BENCH_HANGING_STARTS). */
  hangingStarts: number;
  /** Run the logs measures (BENCH_LOGS; default on). */
  logs: boolean;
  /** Lines the logs measures' containers write (BENCH_LOG_LINES). */
  logLines: number;
  /** Whole-log reads each side, tab opens and searches (BENCH_LOG_RUNS). */
  logRuns: number;
  /** Run the pull and push measures (BENCH_IMAGES; default on). */
  images: boolean;
  /** Layers of random bytes in the pulled and pushed image (BENCH_IMAGE_LAYERS), and MiB each (BENCH_IMAGE_LAYER_MIB). */
  imageLayers: number;
  imageLayerMiB: number;
  /** Pulls and pushes each through Berth and the docker CLI (BENCH_IMAGE_RUNS). */
  imageRuns: number;
  /** Run the measures of the containers list, page, create, stop and terminal (BENCH_CORE; default on): BENCH_CORE=0 BENCH_ENGINES=0 runs only the logs measures. */
  core: boolean;
  /** Run the build measure (BENCH_BUILD; default on). */
  build: boolean;
  /** Builds each through Berth and `docker build` (BENCH_BUILD_RUNS). */
  buildRuns: number;
  /** Run the stats cost measure (BENCH_STATS; default on). */
  stats: boolean;
  /** Running containers it streams (BENCH_STATS_CONTAINERS) and seconds each phase lasts (BENCH_STATS_SECONDS). */
  statsContainers: number;
  statsSeconds: number;
  /** Rounds of the CLI, page-open and page-hidden phases, alternated (BENCH_STATS_ROUNDS). */
  statsRounds: number;
  /** Seconds each side runs before it is measured (BENCH_STATS_SETTLE_SECONDS). */
  statsSettleSeconds: number;
  /** Berth reads the stats from the engine's streams, as for an engine on another machine, not from this machine's cgroups (BENCH_STATS_FROM_ENGINE; default off). */
  statsFromEngine: boolean;
  /** Run the volumes measures (BENCH_VOLUMES; default on). */
  volumes: boolean;
  /** Volumes in the engine for the list measure (BENCH_VOLUME_COUNT), files in the browsed folder (BENCH_VOLUME_FILES), browses timed (BENCH_VOLUME_RUNS). */
  volumeCount: number;
  volumeFiles: number;
  volumeRuns: number;
  /** Run the registry measures (BENCH_REGISTRIES; default on). */
  registries: boolean;
  /** Repositories in the bench's registry (BENCH_REGISTRY_REPOSITORIES). */
  registryRepositories: number;
  /** Opens of the registry's page, each in a fresh browser context (BENCH_REGISTRY_RUNS). */
  registryRuns: number;
  /** Run the networks list measure (BENCH_NETWORKS; default on). */
  networks: boolean;
  /** Networks in the engine for it (BENCH_NETWORK_COUNT). */
  networkCount: number;
  /** Run the Dashboard measure (BENCH_DASHBOARD; default on). */
  dashboard: boolean;
  /** Created containers and images in the engine for it (BENCH_DASHBOARD_CONTAINERS, BENCH_DASHBOARD_IMAGES), Dashboard opens timed (BENCH_DASHBOARD_RUNS). */
  dashboardContainers: number;
  dashboardImages: number;
  dashboardRuns: number;
  /** Run the pasted-command measure: parse and check a 100-flag docker run line (BENCH_RUN_COMMAND; default on). */
  runCommand: boolean;
  /** Timed paste-and-check rounds (BENCH_RUN_COMMAND_RUNS). */
  runCommandRuns: number;
}

export function readSettings(): BenchSettings {
  return {
    containers: envInt('BENCH_CONTAINERS', 1000),
    running: envInt('BENCH_RUNNING', 50),
    starts: envInt('BENCH_STARTS', 20),
    listIterations: envInt('BENCH_LIST_ITERATIONS', 20),
    warmup: envInt('BENCH_WARMUP', 3),
    pageRuns: envInt('BENCH_PAGE_RUNS', 5),
    idleSeconds: envInt('BENCH_IDLE_SECONDS', 60),
    createRuns: envInt('BENCH_CREATE_RUNS', 20),
    stopContainers: envInt('BENCH_STOP_CONTAINERS', 50),
    stopRounds: envInt('BENCH_STOP_ROUNDS', 5),
    terminalBytes: envInt('BENCH_TERMINAL_BYTES', 64 * 1024 * 1024),
    terminalRuns: envInt('BENCH_TERMINAL_RUNS', 5),
    keystrokes: envInt('BENCH_KEYSTROKES', 100),
    timeoutMs: envInt('BENCH_TIMEOUT_MS', 30_000),
    engines: envFlag('BENCH_ENGINES', true),
    engineContainers: envInt('BENCH_ENGINE_CONTAINERS', 300),
    hangingStarts: envInt('BENCH_HANGING_STARTS', 20),
    logs: envFlag('BENCH_LOGS', true),
    logLines: envInt('BENCH_LOG_LINES', 1_000_000),
    logRuns: envInt('BENCH_LOG_RUNS', 3),
    core: envFlag('BENCH_CORE', true),
    build: envFlag('BENCH_BUILD', true),
    buildRuns: envInt('BENCH_BUILD_RUNS', 7),
    images: envFlag('BENCH_IMAGES', true),
    imageLayers: envInt('BENCH_IMAGE_LAYERS', 5),
    imageLayerMiB: envInt('BENCH_IMAGE_LAYER_MIB', 20),
    imageRuns: envInt('BENCH_IMAGE_RUNS', 5),
    stats: envFlag('BENCH_STATS', true),
    statsContainers: envInt('BENCH_STATS_CONTAINERS', 50),
    statsSeconds: envInt('BENCH_STATS_SECONDS', 20),
    statsRounds: envInt('BENCH_STATS_ROUNDS', 3),
    statsSettleSeconds: envInt('BENCH_STATS_SETTLE_SECONDS', 15),
    statsFromEngine: envFlag('BENCH_STATS_FROM_ENGINE', false),
    volumes: envFlag('BENCH_VOLUMES', true),
    volumeCount: envInt('BENCH_VOLUME_COUNT', 1000),
    volumeFiles: envInt('BENCH_VOLUME_FILES', 10_000),
    volumeRuns: envInt('BENCH_VOLUME_RUNS', 5),
    registries: envFlag('BENCH_REGISTRIES', true),
    registryRepositories: envInt('BENCH_REGISTRY_REPOSITORIES', 5000),
    registryRuns: envInt('BENCH_REGISTRY_RUNS', 5),
    networks: envFlag('BENCH_NETWORKS', true),
    networkCount: envInt('BENCH_NETWORK_COUNT', 200),
    dashboard: envFlag('BENCH_DASHBOARD', true),
    dashboardContainers: envInt('BENCH_DASHBOARD_CONTAINERS', 1000),
    dashboardImages: envInt('BENCH_DASHBOARD_IMAGES', 200),
    dashboardRuns: envInt('BENCH_DASHBOARD_RUNS', 5),
    runCommand: envFlag('BENCH_RUN_COMMAND', true),
    runCommandRuns: envInt('BENCH_RUN_COMMAND_RUNS', 50),
  };
}
