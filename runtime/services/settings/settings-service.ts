import { watch, type FSWatcher } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { applySettingsPatch, defaultSettings, toDisposable, type Disposable, type Settings, type SettingsPatch } from '../../api/index.js';
import { loadSettings, saveSettings, settingsFileName } from './settings-file.js';

export interface SettingsServiceOptions {
  dataDir: string;
  log: (line: string) => void;
  /** Hear of changes another Berth process writes to the file (`berth api settings.update` beside a running app). Default on. */
  watchFile?: boolean;
}

/**
 * settings.*: the one SettingsService of a backend (settings are not an engine's). Reads the file
 * once, writes it on every update (updates one after another, never two at once), tells every
 * listener (each window's `settings.watch`, the notification center), and follows the file for
 * changes made by another Berth process: the data directory is watched (inotify, no polling),
 * because an atomic write replaces the file rather than changing it.
 */
export class SettingsService implements Disposable {
  private value: Settings = defaultSettings;
  private readonly loaded: Promise<void>;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(settings: Settings) => void>();
  private watcher: FSWatcher | null = null;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: SettingsServiceOptions) {
    this.loaded = this.reload();
    if (options.watchFile !== false) this.watchFile();
  }

  /** The settings now (the defaults until the file has been read: a few milliseconds after start). */
  current(): Settings {
    return this.value;
  }

  async get(): Promise<Settings> {
    await this.loaded;
    return this.value;
  }

  update(patch: SettingsPatch): Promise<Settings> {
    const run = this.queue.then(async () => {
      await this.loaded;
      const next = applySettingsPatch(this.value, patch);
      await saveSettings(this.options.dataDir, next);
      this.set(next);
      return next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  onChange(listener: (settings: Settings) => void): Disposable {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  }

  dispose(): void {
    this.watcher?.close();
    this.watcher = null;
    clearTimeout(this.reloadTimer);
    this.listeners.clear();
  }

  private async reload(): Promise<void> {
    try {
      const loaded = await loadSettings(this.options.dataDir);
      if (loaded.problem) this.options.log(`settings: ${loaded.problem.message} Berth goes on with the defaults.`);
      this.set(loaded.value);
    } catch (error) {
      this.options.log(`settings: could not read ${settingsFileName}: ${(error as Error).message}. Berth goes on with the defaults.`);
    }
  }

  private set(next: Settings): void {
    if (JSON.stringify(next) === JSON.stringify(this.value)) return;
    this.value = next;
    for (const listener of this.listeners) listener(next);
  }

  private watchFile(): void {
    try {
      mkdirSync(this.options.dataDir, { recursive: true });
      this.watcher = watch(this.options.dataDir, { persistent: false }, (_event, file) => {
        if (file !== settingsFileName) return;
        // A write is a temporary file renamed over this one; read once it has settled.
        clearTimeout(this.reloadTimer);
        this.reloadTimer = setTimeout(() => {
          this.queue = this.queue.then(() => this.reload());
        }, 50);
      });
      this.watcher.on('error', () => {
        this.watcher?.close();
        this.watcher = null;
      });
    } catch (error) {
      this.options.log(`settings: not following ${settingsFileName} for changes by other Berth processes: ${(error as Error).message}`);
    }
  }
}
