import type { LayerProgress, LayerState, TransferProgress } from '../../api/index.js';

/**
 * The state of one pull or push, read from the engine's progress lines (pure: no I/O, the
 * clock is passed in). Each line moves one layer from state to state; `take` hands out what
 * changed since the last take, with the totals of the whole transfer. Docker gives byte counts,
 * Podman only the states, and both work.
 */

/** One progress line as the engine writes it (engine/json/image.ts reads it). */
export interface ProgressLine {
  id?: string | null | undefined;
  status?: string | null | undefined;
  progressDetail?: { current?: number | null | undefined; total?: number | null | undefined } | null | undefined;
  aux?: { Digest?: string | null | undefined } | null | undefined;
}

export type TransferDirection = 'pull' | 'push';

interface Layer {
  id: string;
  state: LayerState;
  status: string;
  /** Bytes of the layer's download or push, once the engine has said, and how many have moved. */
  size: number | null;
  moved: number;
  /** Extraction's bytes done and total (pull only). */
  extracted: number;
  extractTotal: number | null;
}

/** A status word, as the engine starts it, and the state it means. Checked in order, lowercase. */
const statusStates: readonly (readonly [string, LayerState | 'keep'])[] = [
  ['pulling fs layer', 'waiting'],
  ['waiting', 'waiting'],
  ['preparing', 'waiting'],
  ['downloading', 'downloading'],
  ['pushing', 'pushing'],
  ['verifying checksum', 'verifying'],
  ['download complete', 'downloaded'],
  ['extracting', 'extracting'],
  ['pull complete', 'complete'],
  ['pushed', 'complete'],
  ['already exists', 'exists'],
  ['layer already exists', 'exists'],
  ['mounted from', 'exists'],
  // `Retrying in 5 seconds`, and anything new: the words change, the state stays.
];

/** How far a layer whose size is not known is, by its state alone (Podman says no sizes). */
const stateShares: Record<LayerState, number> = { waiting: 0, downloading: 0.25, pushing: 0.5, verifying: 0.45, downloaded: 0.5, extracting: 0.75, complete: 1, exists: 1 };

const finished = new Set<LayerState>(['complete', 'exists']);
/** How far back the speed looks. */
const speedWindowMs = 3000;
/** The shortest span a speed is told from. */
const speedMinSpanMs = 250;

export class TransferState {
  private readonly layers = new Map<string, Layer>();
  private readonly changed = new Set<string>();
  private message = '';
  private digest: string | undefined;
  private readonly startedAt: number;
  private readonly samples: { at: number; bytes: number }[] = [];
  private isDirty = true;
  private highestPercent = 0;

  constructor(
    private readonly direction: TransferDirection,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.startedAt = now();
  }

  /** Whether anything changed since the last `take`. */
  get hasChanges(): boolean {
    return this.isDirty;
  }

  apply(line: ProgressLine): void {
    const status = line.status ?? '';
    const digest = line.aux?.Digest;
    if (typeof digest === 'string' && digest !== '') {
      this.digest = digest;
      this.isDirty = true;
    }
    const id = line.id ?? '';
    // `Pulling from team/app` names the tag (or digest) being pulled as its id: a message, no layer.
    if (id === '' || /^pulling from /i.test(status)) {
      if (status === '') return;
      this.message = status;
      const named = /^Digest: (\S+)$/.exec(status);
      if (named?.[1] !== undefined) this.digest = named[1];
      this.isDirty = true;
      return;
    }
    const layer = this.layers.get(id) ?? this.addLayer(id);
    layer.status = status;
    const lower = status.toLowerCase();
    const state = statusStates.find(([start]) => lower.startsWith(start))?.[1] ?? 'keep';
    if (state !== 'keep') layer.state = state;
    const current = line.progressDetail?.current;
    const total = line.progressDetail?.total;
    const hasCounts = typeof current === 'number' && typeof total === 'number' && total > 0;
    if (state === 'downloading' || state === 'pushing') {
      if (hasCounts) {
        layer.size = total;
        layer.moved = Math.min(current, total);
      }
    } else if (state === 'extracting') {
      if (layer.size !== null) layer.moved = layer.size;
      if (hasCounts) {
        layer.extractTotal = total;
        layer.extracted = Math.min(current, total);
      }
    } else if (state === 'verifying' || state === 'downloaded' || state === 'complete') {
      if (layer.size !== null) layer.moved = layer.size;
      if (state === 'complete' && layer.extractTotal !== null) layer.extracted = layer.extractTotal;
    }
    this.changed.add(id);
    this.isDirty = true;
  }

  /**
   * The event for what changed since the last take. With `done`, the engine has finished: every
   * layer still on its way is complete (Podman never says `Pull complete`), and percent is 100.
   */
  take(done = false): TransferProgress {
    const at = this.now();
    if (done) {
      for (const layer of this.layers.values()) {
        if (finished.has(layer.state)) continue;
        layer.state = 'complete';
        if (layer.size !== null) layer.moved = layer.size;
        if (layer.extractTotal !== null) layer.extracted = layer.extractTotal;
        this.changed.add(layer.id);
      }
    }
    const totals = this.totals();
    this.sample(at, totals.bytesDone);
    const speed = this.speed();
    const left = totals.bytesTotal - totals.bytesDone;
    const event: TransferProgress = {
      type: 'progress',
      layers: [...this.changed].map((id) => this.layerProgress(this.layers.get(id)!)),
      message: this.message,
      layerCount: this.layers.size,
      layersDone: totals.layersDone,
      bytesDone: totals.bytesDone,
      bytesTotal: totals.bytesTotal,
      percent: done ? 100 : this.percentSoFar(totals.percent),
      bytesPerSecond: speed,
      secondsLeft: done ? 0 : speed !== null && speed > 0 && totals.bytesTotal > 0 ? Math.ceil(left / speed) : null,
      elapsedMs: Math.round(at - this.startedAt),
      done,
      ...(this.digest === undefined ? {} : { digest: this.digest }),
    };
    this.changed.clear();
    this.isDirty = false;
    return event;
  }

  /** Layers named later can lower the share done; the bar never goes back, and says 100 only at the end. */
  private percentSoFar(percent: number): number {
    this.highestPercent = Math.max(this.highestPercent, Math.min(99, percent));
    return this.highestPercent;
  }

  private addLayer(id: string): Layer {
    const layer: Layer = { id, state: 'waiting', status: '', size: null, moved: 0, extracted: 0, extractTotal: null };
    this.layers.set(id, layer);
    return layer;
  }

  private layerProgress(layer: Layer): LayerProgress {
    const progress: LayerProgress = { id: layer.id, state: layer.state, status: layer.status };
    if (layer.state === 'extracting' && layer.extractTotal !== null) {
      progress.current = layer.extracted;
      progress.total = layer.extractTotal;
    } else if (layer.size !== null && layer.state !== 'exists') {
      progress.current = layer.moved;
      progress.total = layer.size;
    }
    return progress;
  }

  private totals(): { bytesDone: number; bytesTotal: number; layersDone: number; percent: number } {
    let bytesDone = 0;
    let bytesTotal = 0;
    let layersDone = 0;
    let sized = 0;
    let work = 0;
    let unsized = 0;
    let unsizedWork = 0;
    let existing = 0;
    for (const layer of this.layers.values()) {
      if (finished.has(layer.state)) layersDone += 1;
      if (layer.state === 'exists') {
        existing += 1;
        continue;
      }
      const fraction = this.fractionOf(layer);
      if (layer.size === null) {
        unsized += 1;
        unsizedWork += fraction;
        continue;
      }
      sized += 1;
      bytesTotal += layer.size;
      bytesDone += layer.moved;
      work += fraction * layer.size;
    }
    let percent: number;
    if (bytesTotal > 0) {
      // A layer whose size is not known yet weighs as much as the average one that is.
      const average = bytesTotal / sized;
      percent = (100 * (work + unsizedWork * average)) / (bytesTotal + unsized * average);
    } else {
      // No sizes (Podman, or nothing started): by layers, leaving out those there was nothing to do for.
      const toMove = this.layers.size - existing;
      percent = toMove <= 0 ? 0 : (100 * unsizedWork) / toMove;
    }
    return { bytesDone, bytesTotal, layersDone, percent: Math.floor(percent) };
  }

  /** How far one layer is, 0 to 1: for a pull, moving the bytes and extracting them weigh half each. */
  private fractionOf(layer: Layer): number {
    if (finished.has(layer.state)) return 1;
    if (layer.size === null) return stateShares[layer.state];
    const moved = layer.size === 0 ? 1 : layer.moved / layer.size;
    if (this.direction === 'push') return moved;
    const extracted = layer.state === 'extracting' && layer.extractTotal !== null && layer.extractTotal > 0 ? layer.extracted / layer.extractTotal : 0;
    return moved / 2 + extracted / 2;
  }

  private sample(at: number, bytes: number): void {
    this.samples.push({ at, bytes });
    while (this.samples.length > 2 && at - this.samples[0]!.at > speedWindowMs) this.samples.shift();
  }

  private speed(): number | null {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (first === undefined || last === undefined || last.at - first.at < speedMinSpanMs) return null;
    return Math.max(0, Math.round(((last.bytes - first.bytes) * 1000) / (last.at - first.at)));
  }
}
