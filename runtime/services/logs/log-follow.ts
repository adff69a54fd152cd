import type { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { BerthError, DisposableStore, type Disposable, type LogEvent, type LogMark, type ParsedStreamParams } from '../../api/index.js';
import type { LogsQuery } from '../../engine/client/containers.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { StreamSink } from '../../rpc/handlers.js';
import { logDecoderFor } from '../../streams/log-lines.js';
import { compareInstants, instantOf, InstantReader, unixSecondsOf, type Instant } from '../../api/engine-time.js';
import { ContainerChanges, type RunChange } from './container-changes.js';
import { LastLines } from './last-lines.js';
import { DeliveredLines, LineBatches } from './line-batches.js';
import { engineTime, logFactsOf, openLog, type LogFacts } from './log-source.js';

type Engine = Pick<EngineConnection, 'client' | 'status' | 'onStatus' | 'onEngineEvent'>;

/** The most lines, and about the most text (UTF-16 units), sent ahead at an exit: a few screens. */
const aheadLines = 200;
const aheadTextLimit = 1 << 20;
/**
 * When the log is read for them after the exit is heard (ms, each after the one before): the
 * engine writes the last lines to the log a moment after its `die` event (on a busy machine,
 * seconds after), so the later reads pick up what came since, until the follow reads past them.
 */
const aheadReadDelaysMs = [50, 450, 1_000, 2_000];

/**
 * `logs.follow`: the container's log in batches of lines, then, when following, new lines as
 * they come, across the container's restarts and the engine's reconnects. Each time the
 * engine's log request ends (the container stopped) or breaks (the engine went away), the
 * container's state is read once, marks say what happened, and once it runs again the log is
 * read on from the last timestamp delivered, dropping what was delivered already. Nothing is
 * polled: the waits are on the connection's events stream and status.
 */
export class LogFollow implements Disposable {
  private readonly store = new DisposableStore();
  private readonly batches: LineBatches;
  private readonly delivered = new DeliveredLines();
  /** The engine's timestamps read into numbers; the last one read stays for a line whose time is unreadable. */
  private readonly times = new InstantReader();
  private readonly changes: ContainerChanges;
  private containerId = '';
  /** Whether the container runs, as the marks sent so far have said. */
  private isRunning = false;
  /** The start of the run the marks last spoke of (RFC 3339, from inspect). */
  private runStartedAt: string | null = null;
  /** The latest instant a mark spoke of: an event from before it is old news. */
  private lastMarkAt: Instant | null = null;
  /** A run was marked started, or the engine was away, since the last read: its log may hold new lines. */
  private mayHaveUnread = false;
  /** The container being read by a follow now (null between reads, and for reads that end at the log's end). */
  private following: LogFacts | null = null;
  /**
   * The instants of the lines sent at an exit (see sendLastLines): the reads drop those lines when
   * they reach them, and 'passed' once they have read past them. `inTurn`: they were the next
   * lines, sent in turn, not flagged `ahead`.
   */
  private ahead: { first: Instant; last: Instant; inTurn: boolean } | 'passed' | null = null;
  private isAheadPending = false;
  /** The `since` and `until` the follow was asked with, as the engine takes them. */
  private since: string | undefined;
  private until: string | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly params: ParsedStreamParams<'logs.follow'>,
    private readonly sink: StreamSink<LogEvent>,
    private readonly signal: AbortSignal,
  ) {
    this.batches = this.store.add(new LineBatches((event) => sink.emit(event)));
    this.changes = this.store.add(new ContainerChanges(engine, signal));
  }

  /** Runs the stream to its end (or its failure, or until the subscriber leaves). */
  start(): void {
    this.run().then(
      () => this.sink.end(),
      (error: unknown) => {
        if (!this.signal.aborted) this.sink.fail(error);
      },
    );
  }

  dispose(): void {
    this.store.dispose();
  }

  private async run(): Promise<void> {
    const { params } = this;
    const openedAt = Date.now() / 1000;
    const facts = logFactsOf(await this.engine.client.containers.inspect(params.id, this.signal));
    this.containerId = facts.containerId;
    this.changes.watch(facts.containerId);
    if (params.follow && params.lastLinesFirst) this.changes.onHeard((change) => this.onExitHeard(change));
    this.isRunning = facts.isRunning;
    this.runStartedAt = facts.startedAt;
    const since = engineTime(params.since);
    const until = engineTime(params.until);
    this.since = since;
    this.until = until;
    // A container that has stopped has its whole log written: it is read without following, and
    // not caught up after (see catchUp), which would make the engine go through the whole log
    // once more (its `since` filters every entry) to find nothing. Whether it starts again
    // meanwhile, settling sees, as after any read.
    const isLogComplete = !facts.isRunning;
    const first = await openLog(this.engine.client, facts, this.query({ since, until, tail: params.tail }, params.follow && !isLogComplete), this.signal);
    if (first.unreadable) {
      this.sink.emit(first.unreadable);
      return;
    }
    this.sink.emit({ type: 'opened', name: facts.name, tty: facts.tty, logDriver: facts.logDriver });
    let outcome = await this.read(first.stream, facts, params.follow && !isLogComplete);
    if (!params.follow) return;
    let mayEndEarly = !isLogComplete;
    // Read on from the last line delivered; before any, from where the first read began.
    const fallbackSince = since ?? (params.tail === 'all' ? undefined : openedAt.toFixed(3));
    const readOnFrom = () => {
      const latest = this.delivered.lastDelivered;
      return latest === null ? fallbackSince : unixSecondsOf(latest);
    };
    for (;;) {
      if (outcome !== 'broken' && mayEndEarly) outcome = await this.catchUp(facts, readOnFrom(), until);
      mayEndEarly = true;
      if (until !== undefined && Number(until) <= Date.now() / 1000) return;
      const runBefore = this.runStartedAt;
      const current = await this.settle(outcome);
      if (current === 'removed') return;
      // The engine ended the request at once while the same run goes on: not again right away.
      if (outcome === 'quick end' && current.startedAt === runBefore) await delay(1_000, undefined, { signal: this.signal });
      const range = { since: readOnFrom(), until, tail: 'all' as const };
      this.delivered.resume();
      let opened;
      try {
        opened = await openLog(this.engine.client, current, this.query(range), this.signal);
      } catch (error) {
        if (this.isEngineLost(error)) outcome = 'broken';
        // Removed (or being removed) meanwhile: the next settle says so; a refusal that stays waits between tries.
        else if (error instanceof BerthError && (error.code === 'not_found' || error.code === 'conflict')) outcome = 'quick end';
        else throw error;
        continue;
      }
      if (opened.unreadable) {
        this.sink.emit(opened.unreadable);
        return;
      }
      outcome = await this.read(opened.stream, current, true);
    }
  }

  private query(range: { since: string | undefined; until: string | undefined; tail: number | 'all' }, follow = this.params.follow): LogsQuery {
    return { follow, stdout: this.params.stdout, stderr: this.params.stderr, timestamps: true, ...range };
  }

  /**
   * After a follow the engine ended (the container stopped): the log once more, not following,
   * from the latest line delivered. The engine can end a follow before the run's last output is
   * read (the unterminated piece it writes as the process ends); by now its log is complete.
   */
  private async catchUp(facts: LogFacts, since: string | undefined, until: string | undefined): Promise<'ended' | 'quick end' | 'broken'> {
    this.delivered.resume();
    let opened;
    try {
      opened = await openLog(this.engine.client, facts, this.query({ since, until, tail: 'all' }, false), this.signal);
    } catch (error) {
      if (this.isEngineLost(error)) return 'broken';
      // Removed meanwhile (or being removed: the engine refuses to read a dying container): settling says so.
      if (error instanceof BerthError && (error.code === 'not_found' || error.code === 'conflict')) return 'ended';
      throw error;
    }
    if (opened.unreadable) return 'ended';
    return this.read(opened.stream, facts, false);
  }

  /**
   * Reads one engine log request to its end, handing on each line not delivered yet.
   * 'broken' when the connection failed under it: the line it was in the middle of comes again
   * when the log is read on, so it is dropped rather than cut.
   */
  private async read(stream: Readable, facts: LogFacts, isFollow: boolean): Promise<'ended' | 'quick end' | 'broken'> {
    const startedAt = performance.now();
    this.mayHaveUnread = false;
    this.following = isFollow ? facts : null;
    let delivered = false;
    const { times } = this;
    const decoder = logDecoderFor(facts.tty, (time, streamName, text) => {
      // An unreadable time (never from a sane engine) leaves the line at the time of the one before.
      times.read(time);
      const isStderr = streamName === 'stderr';
      if (!this.delivered.admit(times.seconds, times.nanos, isStderr, text)) return;
      delivered = true;
      if (this.isSentAhead(times)) return;
      this.batches.add(times.seconds, times.nanos, isStderr, text);
    });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        decoder.push(chunk);
        this.batches.settle();
        // A subscriber falling behind stops the reading: the engine's socket fills and it waits.
        await this.sink.ready();
      }
      decoder.end();
      return !delivered && performance.now() - startedAt < 100 ? 'quick end' : 'ended';
    } catch (error) {
      if (this.signal.aborted) throw new BerthError('cancelled', 'The log stream was closed.');
      if (error instanceof Error && error.message.startsWith('Not a multiplexed stream')) {
        throw new BerthError('internal', `The engine's log of ${facts.name} is not in the form its TTY setting says: ${error.message}`);
      }
      return 'broken';
    } finally {
      this.following = null;
      this.batches.flush();
      stream.destroy();
    }
  }

  /** Whether a line read was sent ahead already; once a read passes the lines sent ahead, there are none. */
  private isSentAhead(instant: Instant): boolean {
    const { ahead } = this;
    if (ahead === null || ahead === 'passed') return false;
    if (compareInstants(instant, ahead.last) > 0) {
      this.ahead = 'passed';
      return false;
    }
    return compareInstants(instant, ahead.first) >= 0;
  }

  /**
   * The container exited while a follow reads its log: its last lines are read now and, when the
   * read is behind (a flood, read more slowly than it was written), sent ahead, so the view shows
   * the end at once instead of seconds later; the read goes on and fills in the lines between.
   */
  private onExitHeard(change: RunChange): void {
    const facts = this.following;
    if (change.action !== 'die' || facts === null || this.isAheadPending) return;
    // Lines sent ahead at an earlier exit and not read past yet (a restart during the flood): those first.
    if (this.ahead !== null && this.ahead !== 'passed') return;
    this.ahead = null;
    // Whether the read is behind cannot be told from the times: the engine stamps a line when it
    // reads it from the process, so a flood's lines can all carry times within a moment of the exit.
    this.isAheadPending = true;
    this.sendLastLines(facts, this.delivered.lastDelivered)
      .catch(() => undefined) // The read goes on and delivers them in turn.
      .finally(() => {
        this.isAheadPending = false;
      });
  }

  /**
   * Reads the log's last lines after `from` (the last delivered when asked), keeping at most
   * `aheadLines` lines and about `aheadTextLimit` of text, and sends those the follow has not
   * delivered meanwhile. When they are every line after it, they are simply the next lines;
   * otherwise they go flagged `ahead`, and the follow's lines between come after. The engine
   * tells of the exit a moment before its last lines are in the log file, so the log is read a
   * moment after the exit, and again a few times over the next seconds for any line that came
   * after those, until the follow has read past them.
   */
  private async sendLastLines(facts: LogFacts, from: Instant | null): Promise<void> {
    for (const wait of aheadReadDelaysMs) {
      await delay(wait, undefined, { signal: this.signal });
      const sent = this.ahead;
      // The follow has read past them, or its request ended (the log is read to its end from here on).
      if (sent === 'passed' || this.following === null) return;
      const after = sent?.last ?? from;
      const lines = await this.readLastLines(facts, after);
      if (this.signal.aborted || this.ahead === 'passed') return;
      const isEveryLineAfter = !lines.isCut && lines.count < aheadLines;
      // Later passes only add what came after the lines sent: a flood after that is the next run's, read in turn.
      if (sent !== null && !isEveryLineAfter) return;
      const delivered = this.delivered.lastDelivered;
      const kept = lines.after(delivered !== null && (after === null || compareInstants(delivered, after) > 0) ? delivered : after);
      if (kept.length === 0) continue;
      const inTurn = sent === null ? isEveryLineAfter : sent.inTurn;
      this.batches.flush();
      if (inTurn) {
        for (const line of kept) {
          if (this.delivered.admit(line.seconds, line.nanos, line.isStderr, line.text)) this.batches.add(line.seconds, line.nanos, line.isStderr, line.text);
        }
        this.batches.flush();
      } else {
        const ahead = new LineBatches((event) => this.sink.emit({ ...event, ahead: true }));
        for (const line of kept) ahead.add(line.seconds, line.nanos, line.isStderr, line.text);
        ahead.flush();
        ahead.dispose();
      }
      const first = kept[0]!;
      const last = kept.at(-1)!;
      this.ahead = { first: sent?.first ?? { seconds: first.seconds, nanos: first.nanos }, last: { seconds: last.seconds, nanos: last.nanos }, inTurn };
    }
  }

  /** The log's last lines after an instant (all of it for null), as `sendLastLines` keeps them. */
  private async readLastLines(facts: LogFacts, after: Instant | null): Promise<LastLines> {
    const since = after === null ? this.since : unixSecondsOf(after);
    const lines = new LastLines(aheadTextLimit);
    const opened = await openLog(this.engine.client, facts, this.query({ since, until: this.until, tail: aheadLines }, false), this.signal);
    if (opened.unreadable) return lines;
    const times = new InstantReader();
    const decoder = logDecoderFor(facts.tty, (time, streamName, text) => {
      times.read(time);
      lines.add(times.seconds, times.nanos, streamName === 'stderr', text);
    });
    try {
      for await (const chunk of opened.stream as AsyncIterable<Buffer>) decoder.push(chunk);
      decoder.end();
    } finally {
      opened.stream.destroy();
    }
    return lines;
  }

  /**
   * After a read: what became of the container, said in marks. Answers its facts once it runs
   * (or its log broke while it runs on), or 'removed'. While it is stopped, waits on events.
   */
  private async settle(outcome: 'ended' | 'quick end' | 'broken'): Promise<LogFacts | 'removed'> {
    let wasEngineLost = false;
    for (;;) {
      let container;
      try {
        container = await this.engine.client.containers.inspectOrNull(this.containerId, this.signal);
      } catch (error) {
        if (!this.isEngineLost(error)) throw error;
        await this.changes.engineBack();
        wasEngineLost = true;
        continue;
      }
      if (wasEngineLost) {
        this.mark({ type: 'mark', kind: 'reconnected', time: new Date().toISOString() });
        wasEngineLost = false;
      }
      // The events in order; after a start, that run's lines are read before what came next
      // (a run that started and ended between two looks: started, its lines, exited).
      let hasStartedRun = false;
      for (let change = this.changes.takeOne(); change !== undefined && container !== null; change = hasStartedRun ? undefined : this.changes.takeOne()) {
        if (change.action === 'destroy') container = null;
        else hasStartedRun = this.apply(change) === 'started';
      }
      if (container === null) {
        this.mark({ type: 'mark', kind: 'removed', time: new Date().toISOString() });
        return 'removed';
      }
      const facts = logFactsOf(container);
      if (hasStartedRun) {
        this.runStartedAt = facts.startedAt;
        return facts;
      }
      this.reconcile(facts);
      // Read on while it runs, or when its log may hold lines not read yet (a run marked since the last read, an engine that was away).
      if (this.isRunning || this.mayHaveUnread || (outcome === 'broken' && facts.isRunning)) return facts;
      if ((await this.changes.next()) === 'engine lost') {
        await this.changes.engineBack();
        wasEngineLost = true;
      }
    }
  }

  /** An event of the container's run, unless the marks already said as much; answers the mark it made. */
  private apply(change: RunChange): 'exited' | 'started' | null {
    if (this.lastMarkAt !== null && compareInstants(change.at, this.lastMarkAt) <= 0) return null;
    if (change.action === 'die' && this.isRunning) {
      this.isRunning = false;
      this.lastMarkAt = change.at;
      this.mark({ type: 'mark', kind: 'exited', time: change.time, ...(change.exitCode === undefined ? {} : { exitCode: change.exitCode }) });
      return 'exited';
    }
    if (change.action === 'start' && !this.isRunning) {
      this.isRunning = true;
      this.lastMarkAt = change.at;
      this.mark({ type: 'mark', kind: 'started', time: change.time });
      return 'started';
    }
    return null;
  }

  /** What the engine says now, where its events have not told it yet (they come a moment late, or went with the connection). */
  private reconcile(facts: LogFacts): void {
    // A run the marks have not spoken of: the engine logs a start event just after the run's StartedAt.
    const startedAt = facts.startedAt === null ? null : instantOf(facts.startedAt);
    const isAnotherRun =
      facts.isRunning && facts.startedAt !== this.runStartedAt && startedAt !== null && (this.lastMarkAt === null || compareInstants(startedAt, this.lastMarkAt) > 0);
    if (this.isRunning && (!facts.isRunning || isAnotherRun)) {
      // Restarted before its events came: the exit code of the run that ended is not known.
      const finishedAt = facts.isRunning ? null : facts.finishedAt;
      const exitCode = facts.isRunning ? null : facts.exitCode;
      this.isRunning = false;
      this.lastMarkAt = later(this.lastMarkAt, finishedAt === null ? null : instantOf(finishedAt));
      this.mark({ type: 'mark', kind: 'exited', time: finishedAt ?? new Date().toISOString(), ...(exitCode === null ? {} : { exitCode }) });
    }
    if (!this.isRunning && facts.isRunning) {
      this.isRunning = true;
      this.lastMarkAt = later(this.lastMarkAt, startedAt);
      this.mark({ type: 'mark', kind: 'started', time: facts.startedAt ?? new Date().toISOString() });
    }
    if (facts.isRunning) this.runStartedAt = facts.startedAt;
  }

  /** Marks come after every line read before them. */
  private mark(mark: LogMark): void {
    this.batches.flush();
    this.sink.emit(mark);
    if (mark.kind === 'started' || mark.kind === 'reconnected') this.mayHaveUnread = true;
  }

  /** A failure that is the engine going away: the follow waits for it to come back. */
  private isEngineLost(error: unknown): boolean {
    return !this.signal.aborted && error instanceof BerthError && (error.code === 'engine_unreachable' || error.code === 'timeout');
  }
}

function later(a: Instant | null, b: Instant | null): Instant | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareInstants(a, b) >= 0 ? a : b;
}
