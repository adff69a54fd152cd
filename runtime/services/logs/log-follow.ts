import type { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { BerthError, DisposableStore, type Disposable, type LogEvent, type LogLine, type LogMark, type ParsedStreamParams } from '../../api/index.js';
import type { LogsQuery } from '../../engine/client/containers.js';
import type { EngineConnection } from '../../engine/connection.js';
import type { StreamSink } from '../../rpc/handlers.js';
import { logDecoderFor } from '../../streams/log-lines.js';
import { compareInstants, instantOf, unixSecondsOf, type Instant } from '../../streams/log-timestamps.js';
import { ContainerChanges, type RunChange } from './container-changes.js';
import { DeliveredLines, LineBatches } from './line-batches.js';
import { engineTime, logFactsOf, openLog, type LogFacts } from './log-source.js';

type Engine = Pick<EngineConnection, 'client' | 'status' | 'onStatus' | 'onEngineEvent'>;

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
  private readonly changes: ContainerChanges;
  private containerId = '';
  /** Whether the container runs, as the marks sent so far have said. */
  private isRunning = false;
  /** The start of the run the marks last spoke of (RFC 3339, from inspect). */
  private runStartedAt: string | null = null;
  /** The latest instant a mark spoke of: an event from before it is old news. */
  private lastMarkAt: Instant | null = null;

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
    this.isRunning = facts.isRunning;
    this.runStartedAt = facts.startedAt;
    const since = engineTime(params.since);
    const until = engineTime(params.until);
    const first = await openLog(this.engine.client, facts, this.query({ since, until, tail: params.tail }), this.signal);
    if (first.unreadable) {
      this.sink.emit(first.unreadable);
      return;
    }
    this.sink.emit({ type: 'opened', name: facts.name, tty: facts.tty, logDriver: facts.logDriver });
    let outcome = await this.read(first.stream, facts);
    if (!params.follow) return;
    // Read on from the last line delivered; before any, from where the first read began.
    const fallbackSince = since ?? (params.tail === 'all' ? undefined : openedAt.toFixed(3));
    for (;;) {
      if (until !== undefined && Number(until) <= Date.now() / 1000) return;
      const runBefore = this.runStartedAt;
      const current = await this.settle(outcome);
      if (current === 'removed') return;
      // The engine ended the request at once while the same run goes on: not again right away.
      if (outcome === 'quick end' && current.startedAt === runBefore) await delay(1_000, undefined, { signal: this.signal });
      const resumeFrom = this.delivered.lastDelivered;
      this.delivered.resume();
      const range = { since: resumeFrom ? unixSecondsOf(resumeFrom) : fallbackSince, until, tail: 'all' as const };
      let opened;
      try {
        opened = await openLog(this.engine.client, current, this.query(range), this.signal);
      } catch (error) {
        if (!this.isEngineLost(error)) throw error;
        outcome = 'broken';
        continue;
      }
      if (opened.unreadable) {
        this.sink.emit(opened.unreadable);
        return;
      }
      outcome = await this.read(opened.stream, current);
    }
  }

  private query(range: { since: string | undefined; until: string | undefined; tail: number | 'all' }): LogsQuery {
    return { follow: this.params.follow, stdout: this.params.stdout, stderr: this.params.stderr, timestamps: true, ...range };
  }

  /**
   * Reads one engine log request to its end, handing on each line not delivered yet.
   * 'broken' when the connection failed under it: the line it was in the middle of comes again
   * when the log is read on, so it is dropped rather than cut.
   */
  private async read(stream: Readable, facts: LogFacts): Promise<'ended' | 'quick end' | 'broken'> {
    const startedAt = performance.now();
    let delivered = false;
    const decoder = logDecoderFor(facts.tty, (time, streamName, text) => {
      const line: LogLine = { time, stream: streamName, text };
      if (!this.delivered.admit(line)) return;
      delivered = true;
      this.batches.add(line);
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
      this.batches.flush();
      stream.destroy();
    }
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
      for (const change of this.changes.take()) {
        if (change.action === 'destroy') container = null;
        else this.apply(change);
      }
      if (container === null) {
        this.mark({ type: 'mark', kind: 'removed', time: new Date().toISOString() });
        return 'removed';
      }
      const facts = logFactsOf(container);
      this.reconcile(facts);
      if (this.isRunning || (outcome === 'broken' && facts.isRunning)) return facts;
      if ((await this.changes.next()) === 'engine lost') {
        await this.changes.engineBack();
        wasEngineLost = true;
      }
    }
  }

  /** An event of the container's run, unless the marks already said as much. */
  private apply(change: RunChange): void {
    if (this.lastMarkAt !== null && compareInstants(change.at, this.lastMarkAt) <= 0) return;
    if (change.action === 'die' && this.isRunning) {
      this.isRunning = false;
      this.lastMarkAt = change.at;
      this.mark({ type: 'mark', kind: 'exited', time: change.time, ...(change.exitCode === undefined ? {} : { exitCode: change.exitCode }) });
    } else if (change.action === 'start' && !this.isRunning) {
      this.isRunning = true;
      this.lastMarkAt = change.at;
      this.mark({ type: 'mark', kind: 'started', time: change.time });
    }
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
