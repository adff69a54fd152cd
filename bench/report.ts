import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BulkStop } from './measure-bulk-stop.js';
import type { BuildMeasure } from './run-build.js';
import type { DashboardMeasure } from './run-dashboard.js';
import type { StatsCostMeasure } from './run-stats.js';
import type { VolumeBrowseMeasure, VolumesListMeasure } from './run-volumes.js';
import type { CreateStart } from './measure-create.js';
import type { EnginesIdle } from './measure-engines-idle.js';
import type { EnginesList } from './measure-engines-list.js';
import type { HangingEngine } from './measure-hanging-engine.js';
import type { IdleCalls } from './measure-idle.js';
import type { ImagesMeasure } from './measure-images.js';
import type { LogsPage } from './measure-logs-page.js';
import type { ListLatency } from './measure-list.js';
import type { LogsMeasure } from './measure-logs.js';
import type { NetworksMeasure } from './measure-networks.js';
import type { PageOpen } from './measure-page-open.js';
import type { RegistriesMeasure } from './measure-registries.js';
import type { RunCommandMeasure } from './measure-run-command.js';
import type { StartToRow } from './measure-start-to-row.js';
import type { TerminalMeasure } from './measure-terminal.js';
import { repoRoot } from './support.js';

/** The bench's one JSON document: raw numbers, baselines, ratios, and each target judged. */

/** A measure's result, or why there is none (the UI not ready, the engine failing, ...). */
export type Outcome<T> = T | { error: string };

export interface Measures {
  containersList: Outcome<ListLatency>;
  pageOpen: Outcome<PageOpen>;
  startToRow: Outcome<StartToRow>;
  idle: Outcome<IdleCalls>;
  createStart: Outcome<CreateStart>;
  bulkStop: Outcome<BulkStop>;
  terminal: Outcome<TerminalMeasure>;
  /** The several-engines measures; absent when skipped (BENCH_ENGINES=0). */
  enginesList?: Outcome<EnginesList>;
  hangingEngine?: Outcome<HangingEngine>;
  enginesIdle?: Outcome<EnginesIdle>;
  /** The logs measures; absent when skipped (BENCH_LOGS=0). */
  logs?: Outcome<LogsMeasure>;
  logsPage?: Outcome<LogsPage>;
  /** The build measure; absent when skipped (BENCH_BUILD=0). */
  build?: Outcome<BuildMeasure>;
  /** The pull and push measures; absent when skipped (BENCH_IMAGES=0). */
  images?: Outcome<ImagesMeasure>;
  /** The stats cost measure; absent when skipped (BENCH_STATS=0). */
  statsCost?: Outcome<StatsCostMeasure>;
  /** The volumes measures; absent when skipped (BENCH_VOLUMES=0). */
  volumesList?: Outcome<VolumesListMeasure>;
  volumeBrowse?: Outcome<VolumeBrowseMeasure>;
  /** The registry page and filter measures; absent when skipped (BENCH_REGISTRIES=0). */
  registries?: Outcome<RegistriesMeasure>;
  /** The networks list measure; absent when skipped (BENCH_NETWORKS=0). */
  networks?: Outcome<NetworksMeasure>;
  /** A pasted 100-flag docker run line parsed and checked; absent when skipped (BENCH_RUN_COMMAND=0). */
  runCommand?: Outcome<RunCommandMeasure>;
  /** The Dashboard opened to every number; absent when skipped (BENCH_DASHBOARD=0). */
  dashboard?: Outcome<DashboardMeasure>;
}

export interface TargetVerdict {
  id: string;
  description: string;
  /** Which number of the measure is compared. */
  statistic: string;
  measured: number | null;
  target: string;
  /** null when the measure failed. */
  pass: boolean | null;
  error?: string;
}

function judge<T>(outcome: Outcome<T>, id: string, description: string, statistic: string, limit: number, pick: (value: T) => number, atLeast = false): TargetVerdict {
  const base = { id, description, statistic, target: `${atLeast ? '>=' : '<='} ${limit}` };
  if (typeof outcome === 'object' && outcome !== null && 'error' in outcome) return { ...base, measured: null, pass: null, error: outcome.error };
  const measured = pick(outcome);
  return { ...base, measured, pass: atLeast ? measured >= limit : measured <= limit };
}

export function judgeTargets(measures: Measures): TargetVerdict[] {
  return [
    judge(measures.containersList, 'list-latency-ratio', 'containers.list over the web host / raw GET /containers/json?all=1', 'containersList.ratios.berthOverRawMedian', 1.2, (m) => m.ratios.berthOverRawMedian),
    judge(measures.pageOpen, 'page-list-after-engine', 'ms from the list answered (by the engine, or by Berth from its live list with no engine call) to the full list painted', 'pageOpen.afterEngineMs.medianMs', 300, (m) => m.afterEngineMs.medianMs),
    judge(measures.startToRow, 'start-to-row-p95', 'ms from the engine start event to the row painted "running"', 'startToRow.eventToFrameMs.p95Ms', 150, (m) => m.eventToFrameMs.p95Ms),
    judge(measures.idle, 'idle-calls-per-minute', 'engine API calls per minute with the page open and idle', 'idle.callsPerMinute', 0, (m) => m.callsPerMinute),
    judge(measures.createStart, 'create-start-ratio', 'containers.create {start: true} over the web host / `docker run -d`', 'createStart.ratios.berthOverCliMedian', 1.2, (m) => m.ratios.berthOverCliMedian),
    judge(measures.bulkStop, 'bulk-stop-ratio', 'wall time of N containers.stop at once over one WebSocket / one `docker stop n1 ... nN`', 'bulkStop.ratios.berthOverCliMedian', 1.2, (m) => m.ratios.berthOverCliMedian),
    ...judgeEngines(measures),
    ...judgeLogs(measures),
    ...(measures.build
      ? [judge(measures.build, 'build-ratio', 'images.build --no-cache of a small context over the web host / `DOCKER_BUILDKIT=0 docker build --no-cache`', 'build.ratios.berthOverCliMedian', 1.1, (m) => m.ratios.berthOverCliMedian)]
      : []),
    ...judgeImages(measures),
    ...judgeVolumes(measures),
    ...(measures.dashboard
      ? [judge(measures.dashboard, 'dashboard-all-numbers-ms', 'ms from opening the Dashboard in Chromium (BENCH_DASHBOARD_CONTAINERS containers, BENCH_DASHBOARD_IMAGES images) to every number on screen, disk usage included', 'dashboard.allNumbersMs.medianMs', 500, (m) => m.allNumbersMs.medianMs)]
      : []),
    ...(measures.statsCost
      ? [
          judge(measures.statsCost, 'stats-page-cpu-ratio', 'engine + berth serve CPU with the Containers page open / engine + `docker stats` of the same containers', 'statsCost.ratios.pageOverCli', 1, (m) => m.ratios.pageOverCli),
          judge(measures.statsCost, 'stats-hidden-cpu-points', 'engine + berth serve CPU with the page hidden minus the idle engine, percent of one core', 'statsCost.ratios.hiddenOverIdlePoints', 1, (m) => m.ratios.hiddenOverIdlePoints),
        ]
      : []),
    ...judgeRegistries(measures),
    ...(measures.networks
      ? [judge(measures.networks, 'networks-list-ratio', 'networks.list of BENCH_NETWORK_COUNT networks over the web host / raw GET /networks', 'networks.ratios.listOverRawMedian', 1.2, (m) => m.ratios.listOverRawMedian)]
      : []),
    ...(measures.runCommand
      ? [
          judge(
            measures.runCommand,
            'run-command-paste-check',
            'ms for containers.parseRunCommand of a 100-flag docker run line, then containers.validateRun of its spec, over the web host',
            'runCommand.pasteAndCheck.medianMs',
            50,
            (m) => m.pasteAndCheck.medianMs,
          ),
        ]
      : []),
  ];
}

/** The volumes targets (issue 13), judged only when those measures ran. */
function judgeVolumes({ volumesList, volumeBrowse }: Measures): TargetVerdict[] {
  return [
    ...(volumesList
      ? [judge(volumesList, 'volumes-list-ratio', 'volumes.list of BENCH_VOLUME_COUNT volumes over the web host / raw GET /volumes', 'volumesList.ratios.berthOverRawMedian', 1.2, (m) => m.ratios.berthOverRawMedian)]
      : []),
    ...(volumeBrowse
      ? [judge(volumeBrowse, 'volume-browse-first-screen-ms', "ms from opening a volume's folder of BENCH_VOLUME_FILES files in Chromium to its first screen of files", 'volumeBrowse.firstScreen.medianMs', 500, (m) => m.firstScreen.medianMs)]
      : []),
  ];
}

/** The registry targets (issue 12), judged only when those measures ran. */
function judgeRegistries({ registries }: Measures): TargetVerdict[] {
  if (!registries) return [];
  return [
    judge(registries, 'registry-first-page-ms', "ms from going to a registry of BENCH_REGISTRY_REPOSITORIES repositories (its Browse link) to its first page of repositories painted, the app already open", 'registries.open.totalMs.medianMs', 300, (m) => m.open.totalMs.medianMs),
    judge(registries, 'registry-filter-pages-per-call', "the registry's _catalog pages (of 500) one filtered registries.catalog call reads at most; the whole catalog is registries.catalogPagesOf500", 'registries.filter.maxRegistryPagesPerCall', 4, (m) => m.filter.maxRegistryPagesPerCall),
    judge(registries, 'registry-filter-calls-per-burst', 'registries.catalog calls the page sends for one filter typed key by key (80 ms apart)', 'registries.filter.maxBerthCallsPerBurst', 1, (m) => m.filter.maxBerthCallsPerBurst),
  ];
}

/** The pull and push targets (issue 11), judged only when those measures ran. */
function judgeImages({ images }: Measures): TargetVerdict[] {
  if (!images) return [];
  return [
    judge(images, 'image-pull-ratio', 'images.pull of a 5-layer image of about 100 MB from a local registry over the web host / `docker pull` (image removed before each)', 'images.ratios.pullOverCliMedian', 1.05, (m) => m.ratios.pullOverCliMedian),
    judge(images, 'image-push-ratio', 'images.push of that image to a fresh local registry over the web host / `docker push`', 'images.ratios.pushOverCliMedian', 1.05, (m) => m.ratios.pushOverCliMedian),
    judge(images, 'image-progress-per-second', 'pull progress events reaching the client in any one second', 'images.progress.maxInAnySecond', 20, (m) => m.progress.maxInAnySecond),
  ];
}

/** The logs targets (issue 10), judged only when those measures ran. */
function judgeLogs({ logs, logsPage }: Measures): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  if (logs) {
    verdicts.push(judge(logs, 'logs-ingest-ratio', 'logs.follow {follow: false} of a log of BENCH_LOG_LINES lines to its end over the web host / `docker logs` to /dev/null (0.8x the throughput = 1.25x the time)', 'logs.ratios.followOverCliMedian', 1.25, (m) => m.ratios.followOverCliMedian));
  }
  if (logsPage) {
    verdicts.push(
      judge(logsPage, 'logs-view-throughput', "lines per second into the log view (All lines, to the status counting every line) / `docker logs` to /dev/null's", 'logsPage.allLines.throughputOverCli', 0.8, (m) => m.allLines.throughputOverCli ?? 0, true),
      judge(logsPage, 'logs-follow-last-line-ms', "ms from the container's exit to its last line painted, following it while it writes every line", 'logsPage.follow.lastLineAfterExitMs', 1000, (m) => m.follow.lastLineAfterExitMs),
      judge(logsPage, 'logs-follow-longest-task-ms', 'longest main-thread task while following (PerformanceObserver longtask)', 'logsPage.follow.longestTaskMs', 100, (m) => m.follow.longestTaskMs),
      judge(logsPage, 'logs-heap-mib', "the page's JS heap after GC, every line held", 'logsPage.maxHeapMiB', 300, (m) => Math.max(m.allLines.heapMiB, m.follow.heapMiB)),
      judge(logsPage, 'logs-open-tail-ms', 'ms from opening the Logs tab of a container with every line written to its last line painted', 'logsPage.openTailMs.medianMs', 500, (m) => m.openTailMs.medianMs),
      judge(logsPage, 'logs-search-ms', 'ms from typing a term to the complete match count, every line held', 'logsPage.searchMs.medianMs', 300, (m) => m.searchMs.medianMs),
    );
  }
  return verdicts;
}

/** The several-engines targets (issue 9), judged only when those measures ran. */
function judgeEngines({ enginesList, hangingEngine, enginesIdle }: Measures): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  if (enginesList) {
    // The engines are asked in parallel on both sides: the baseline is the slowest engine's raw
    // answer when the three raw GETs go out at once, as Berth sends them. On one small machine the
    // three engines share its cores, so each alone answers faster than any of them in parallel;
    // that ratio (combinedOverSlowestRawMedian) is reported beside it.
    verdicts.push(
      judge(
        enginesList,
        'engines-list-ratio',
        "containers.list of three engines at once over the web host / the slowest engine's raw GET /containers/json?all=1 when the three are asked at once",
        'enginesList.ratios.combinedOverRawAllAtOnceMedian',
        1.2,
        (m) => m.ratios.combinedOverRawAllAtOnceMedian,
      ),
    );
  }
  if (hangingEngine) {
    verdicts.push(
      judge(hangingEngine, 'hanging-engine-list-ms', "ms a hanging engine adds to the default engine's containers.list (median, with minus without)", 'hangingEngine.containersList.differenceMs.median', 10, (m) => m.containersList.differenceMs.median),
      judge(hangingEngine, 'hanging-engine-start-ms', 'ms a hanging engine adds from an external start to its change event (median, with minus without)', 'hangingEngine.startToEvent.differenceMs.median', 10, (m) => m.startToEvent.differenceMs.median),
    );
  }
  if (enginesIdle) {
    verdicts.push(judge(enginesIdle, 'engines-idle-calls-per-minute', 'engine API calls per minute, three engines connected and idle, beyond one /events each', 'enginesIdle.callsPerMinute', 0, (m) => m.callsPerMinute));
  }
  return verdicts;
}

/** How the numbers were taken, printed with them so they can be read without the code. */
export const methodNotes = [
  'dashboard (BENCH_DASHBOARD=0 skips it): BENCH_DASHBOARD_CONTAINERS created (never started) containers and BENCH_DASHBOARD_IMAGES images (commits of one container, each with its own label); a `berth serve` talking to the engine directly; in Chromium, from setting the hash to #/dashboard (from the Containers page, 500 ms after its heading) to the first animation frame with the first engine\'s facts and totals all filled (quickNumbersMs) and with its disk usage table too (allNumbersMs: waits for GET /system/df, which sizes every container); one warm-up, BENCH_DASHBOARD_RUNS timed; each run followed by `docker system df` and `docker info` spawned to exit and raw GET /system/df and GET /info on the socket (body parsed), as the same-run baselines.',
  'volumesList, volumeBrowse (BENCH_VOLUMES=0 skips them; run first, before any other measure fills the engine): BENCH_VOLUME_COUNT volumes, a tenth mounted by a created container each. volumes.list over the WebSocket in steady state (answered from the host\'s live volume list, kept from the engine\'s events) vs node:http GET /volumes on the engine socket (body parsed); the host\'s first volumes.list, which makes that list (both engine lists asked), is `cold`, apart and untimed in the ratio; and vs GET /volumes with GET /containers/json?all=1 at once (what the list asks of the engine, for each volume\'s users), order rotated, warm-ups untimed; then volumes.list timed while a volumes.sizes (GET /system/df) is in flight. Browse: a folder of BENCH_VOLUME_FILES small files; volumes.browse over the WebSocket (helper container created, folder read, helper removed), and in Chromium from setting the volume page\'s hash (from the Volumes list) to the first animation frame with a row in its files table.',
  'build (BENCH_BUILD=0 skips it): a context of 40 files of 8 KiB (and one .dockerignored) with a five-step Dockerfile (FROM the test image, COPY, two RUNs, CMD); images.build {noCache: true} over the WebSocket until its end vs `docker build --no-cache -t TAG DIR` with DOCKER_BUILDKIT=0 spawned to exit; both images removed before each build (untimed), order alternating, one warm-up each; BENCH_BUILD_RUNS runs.',
  'containersList: a `berth serve` talking to the engine directly; BerthClient over its WebSocket vs node:http GET /containers/json?all=1 on the engine socket (body JSON-parsed), interleaved, same process; docker CLI spawned for context.',
  'pageOpen, idle, startToRow: a second `berth serve` whose engine is a counting unix-socket proxy in front of the real socket; the proxy hop is included in these numbers.',
  'pageOpen: from page.goto(url with token) in a fresh context to the first animation frame after the DOM shows "N containers" and data rows (MutationObserver in the page); afterEngine starts when the proxy saw the engine finish the page\'s GET /containers/json.',
  'startToRow: t0 is the engine\'s own start event (timeNano, read from /events on the real socket); the end is the first animation frame after the row\'s state cell says "running". The list is filtered to the probe containers so their rows are rendered (the table is virtualized).',
  'idle: requests started at the proxy during the window, after the page showed the list and settled 2 s; streams opened before the window do not count.',
  'createStart, bulkStop: a `berth serve` talking to the engine directly (run before the page measures, with the fleet present); each removes the containers it made before the next measure.',
  'createStart: containers.create {spec: {image, name, command: [sleep, 3600], labels}, start: true, pull: false} over the WebSocket vs `docker run -d --label --name IMAGE sleep 3600` spawned (its process start included) vs raw POST /containers/create + /start over node:http on the socket; rotating order, warm-ups (BENCH_WARMUP) untimed; default bridge network for all.',
  'bulkStop: per round, 2N fresh running containers trapping TERM (`sh -c \'trap "exit 0" TERM; while :; do sleep 0.2; done\'`); N containers.stop {timeoutSeconds: 10} issued at once on one WebSocket, timed to the last answer, vs one `docker stop -t 10 n1 ... nN` spawned, timed to exit; 1 s apart, alternating which goes first; the shells exit at their next 0.2 s sleep boundary.',
  'enginesList, hangingEngine, enginesIdle (after the others; BENCH_ENGINES=0 skips them): the default test engine, the TLS engine (tcp + client certificate) and the ssh engine (ssh ... docker system dial-stdio) each hold BENCH_ENGINE_CONTAINERS created containers (the other measures\' fleet is removed first); every `berth serve` has a data directory of its own (BERTH_DATA_DIR) and gets the other engines through engines.add.',
  'enginesList: three containers.list {all: true} sent at once on one WebSocket, each naming its engine, timed to the last answer; vs each engine\'s own GET /containers/json?all=1 alone (unix socket; https with the client certificate; http over a kept-alive `ssh -F <test ssh_config> ... docker system dial-stdio` opened with runtime/engine/ssh.ts), body JSON-parsed, plus the three raw calls at once for context; steps rotated each iteration, warm-ups untimed.',
  'hangingEngine: two `berth serve` on the default engine, one also holding a tcp:// engine on 127.0.0.1 that accepts and never reads (unreachable by its 3 s connect timeout, retried with backoff throughout). containers.list on the default engine alternately through each; then `docker start` of fresh stopped containers, each timed from the engine\'s start event (timeNano) to the container change event saying running on each host\'s `events` stream (both see the same start). Differences are with minus without.',
  'enginesIdle: one `berth serve` whose three engines are each behind a counting proxy (default: unix socket; TLS: a TLS listener with the engine\'s own server certificate, forwarding over TLS; ssh: an `ssh` shim first on the serve\'s PATH connects Berth\'s dial-stdio to the proxy, which reaches the engine through the real ssh). A client subscribes to each engine\'s `events` and lists its containers and images when it says connected (as the UI does for one); after every /events is open and the proxies were quiet 1 s, requests started during BENCH_IDLE_SECONDS are counted.',
  'logs, logsPage (BENCH_LOGS=0 skips them): a container of the test image writes BENCH_LOG_LINES numbered lines of about 100 bytes (`seq | sed`) and exits before anything reads it.',
  'logsPage: Chromium on `berth serve`. open: hash change to the Logs tab (default tail) until the last line is painted. allLines: choosing "All lines" until the status counts every line (throughputOverCli compares with the logs measure\'s docker logs median). search: typing `line NNNNNNN ` (one line holds it) until the count is complete. follow: the tab open on a created container that is then started and writes every line; its exit (FinishedAt) to its last line painted, and for context the same for `docker logs -f` to /dev/null started with a like container (its exit is when it has every line); long tasks from PerformanceObserver; heap from CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage.',
  'terminal: no issue names a target yet, so it is reported, not judged. Output: exec.open {tty: false} of `head -c N /dev/zero` over the web host, counted to the stream end, vs `docker exec NAME head -c N /dev/zero` spawned with stdout counted, alternating. Echo: one character every 50 ms by terminal.input to a TTY `cat` until the pty echo arrives, vs the same written to an exec socket hijacked straight from the engine in the bench process.',
  'images (BENCH_IMAGES=0 skips them): a registry of the bench\'s own (docker-registry on 127.0.0.1); an image of the test image plus BENCH_IMAGE_LAYERS layers of BENCH_IMAGE_LAYER_MIB MiB from /dev/urandom (classic builder) pushed to it. Pull: images.pull over the WebSocket until its end vs `docker pull -q` spawned to exit, `docker rmi -f` before each, order alternating, one warm-up each untimed. Push: images.push vs `docker push -q`, each push to a fresh registry (in one registry the engine would mount the blobs from an earlier push instead of uploading them). Progress: events a Berth pull delivered, per second of the pull and the most in any 1 s window.',
  'networks (BENCH_NETWORKS=0 skips it): BENCH_NETWORK_COUNT bridge networks, each with a /24 of 198.18.0.0/15 nothing on the machine uses, and 10 running containers each on two of them; a `berth serve` talking to the engine directly. networks.list over the WebSocket in steady state (answered from the host\'s live network list) vs node:http GET /networks on the engine socket (body JSON-parsed), interleaved; the host\'s first networks.list, which makes that list, is `cold`, apart; same process, warm-ups untimed; then, for context, networks.attachments (the containers on every network, which the page shows after the list) vs GET /containers/json?all=1, the one engine call it makes.',
  'runCommand (BENCH_RUN_COMMAND=0 skips it): a `docker run -d` line of 105 flags of every kind (env, labels, ports, ulimits, sysctls, log options, --mount and --tmpfs, health, limits, security, devices, ...); a `berth serve` on the engine; containers.parseRunCommand of the line, then containers.validateRun of the spec it gave (host checks included: the name is looked up, the device path statted), one after the other over the WebSocket as the Run form asks them; BENCH_WARMUP rounds untimed, then BENCH_RUN_COMMAND_RUNS timed. For context, the same parse and the spec checks (no host checks) in the bench process. The docker CLI has no counterpart: it reads its flags only on the way to a create.',
  'logs: taking turns (order rotated each run, one warm-up untimed): logs.follow {follow: false} over the WebSocket until its end with every line counted (BerthClient acknowledges each batch, as the UI does); GET /download/logs?id=NAME read to its end; `docker logs NAME` spawned with stdout and stderr to /dev/null, timed to exit. The engine reads its json-file for each, so all three include its time.',
  'registries (BENCH_REGISTRIES=0 skips them): a registry of the bench\'s own (docker-registry on 127.0.0.1) with BENCH_REGISTRY_REPOSITORIES repositories bench/repo-NNNNN, one small image each, seeded through its HTTP API; a counting HTTP proxy in front of it, known to a `berth serve` (own data directory and DOCKER_CONFIG) by registries.add. Open: BENCH_REGISTRY_RUNS times, a fresh context opens the app, waits for the Containers page, then sets the hash to the registry\'s page (as its Browse link does) and a MutationObserver in the page notes the first repository in the table, plus one animation frame; the proxy\'s _catalog request splits the time. Filter: three filters (matching on the first page, only at the catalog\'s end, nowhere) typed key by key 80 ms apart; counted per burst are the registries.catalog calls in the page\'s WebSocket frames and the registry\'s _catalog requests until 750 ms pass without one; then each filter as one direct registries.catalog call, counting its _catalog pages.',
];

export async function writeReport(document: object): Promise<string> {
  const file = path.join(repoRoot, 'bench', 'results', 'latest.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}
