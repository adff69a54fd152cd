// Test-only: the containers and images the contract fuzz owns on the real test engine, the
// ids it may put into generated params, and keeping them in shape between cases. Everything
// it makes carries one label and one name prefix, and is removed at the end.
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import Docker from 'dockerode';
import { testEngineUrl } from './real-engine.js';
import type { EngineConnection } from '../engine/connection.js';
import type { ForeignObjects } from './fuzz-safety.js';

/** A container the fuzz keeps: what it runs and in which state it is wanted. */
interface FixtureRecipe {
  role: 'running' | 'tty' | 'stopped';
  tty: boolean;
  start: boolean;
}

const recipes: readonly FixtureRecipe[] = [
  { role: 'running', tty: false, start: true },
  { role: 'tty', tty: true, start: true },
  { role: 'stopped', tty: false, start: false },
];

/**
 * Limits of every fixture: a command fuzzed into `exec.open` (`yes`, a fork loop) stays small
 * on a 2-core machine shared with others, and cannot write outside its tmpfs.
 */
const fixtureLimits = { NanoCpus: 250_000_000, Memory: 64 * 1024 * 1024, PidsLimit: 64 };

interface Fixture {
  recipe: FixtureRecipe;
  name: string;
  id: string;
}

export class FuzzSandbox {
  readonly runId = randomBytes(3).toString('hex');
  readonly prefix = `fuzz-${this.runId}`;
  readonly label = { key: 'berth.fuzz.run', value: this.runId };
  /** Where own images are pushed, so a pull has something of ours to fetch. */
  readonly pushedImage: string;
  private readonly fixtures = new Map<FixtureRecipe['role'], Fixture>();
  private ownImage: { id: string; tags: string[] } | null = null;
  /** Containers and volumes the engine reported as ours (create, mount events). */
  private readonly ownContainerIds = new Set<string>();
  private readonly ownVolumes = new Set<string>();
  /** Something of ours was removed, renamed or made: settle() has work. */
  private dirty = false;
  private stopWatching: (() => void) | null = null;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly engine: EngineConnection,
    private readonly image: string,
    private readonly registry: string,
  ) {
    this.pushedImage = `${registry}/${this.prefix}/img:one`;
  }

  /** The fuzz's own engine calls (fixtures, snapshots), apart from the Berth code under test. */
  private readonly docker = new Docker({ socketPath: testEngineUrl().replace(/^unix:\/\//, '') });

  /** Makes the fixtures and the own image (pushed to the test registry too) and starts watching engine events. */
  async setUp(): Promise<void> {
    const watching = this.engine.onEngineEvent((event) => {
      const attributes = event.Actor.Attributes ?? {};
      if (event.Type === 'container' && attributes[this.label.key] === this.label.value) {
        this.ownContainerIds.add(event.Actor.ID);
        if (['create', 'destroy', 'rename'].includes(event.Action)) this.dirty = true;
        for (const wake of this.waiters) wake();
      }
      if (event.Type === 'volume' && event.Action === 'mount' && this.ownContainerIds.has(attributes.container ?? '')) this.ownVolumes.add(event.Actor.ID);
      if (event.Type === 'image' && ['delete', 'untag'].includes(event.Action)) this.dirty = true;
    });
    this.stopWatching = () => watching.dispose();
    for (const recipe of recipes) await this.makeFixture(recipe);
    await this.makeOwnImage();
    const tagged = this.docker.getImage(this.ownImage?.id ?? '');
    await tagged.tag({ repo: `${this.registry}/${this.prefix}/img`, tag: 'one' });
    // The engine wants an auth header even for a registry without auth.
    const pushing = (await this.docker.getImage(this.pushedImage).push({ authconfig: {} } as object)) as Readable;
    await consumeProgress(pushing, `push of ${this.pushedImage}`);
    await this.docker.getImage(this.pushedImage).remove();
  }

  /** Container refs a generated call may use: each fixture by name, `/name`, id and short id, and some that do not exist. */
  containerRefs(): string[] {
    const own = [...this.fixtures.values()].flatMap(({ name, id }) => [name, `/${name}`, id, id.slice(0, 12)]);
    return [...own, `${this.prefix}-missing`, '0'.repeat(64), `/${this.prefix}-missing`];
  }

  /** Image refs: the own image by tag, id and short id, and some that do not exist. */
  imageRefs(): string[] {
    const own = this.ownImage ? [...this.ownImage.tags, this.ownImage.id, this.ownImage.id.slice(7, 19)] : [];
    return [...own, `${this.prefix}/missing:latest`, `sha256:${'0'.repeat(64)}`];
  }

  /** References a pull may fetch: all on the test registry (or a closed port), never the internet. */
  pullRefs(): string[] {
    return [this.pushedImage, `${this.registry}/${this.prefix}/missing:latest`, `127.0.0.1:1/${this.prefix}/img:one`];
  }

  /** Images a RunSpec may use: the test image, and the own image by id (an id is never pulled). */
  specImages(): string[] {
    return [this.image, ...(this.ownImage ? [this.ownImage.id] : [])];
  }

  fixtureName(role: FixtureRecipe['role']): string {
    return this.fixtures.get(role)?.name ?? `${this.prefix}-${role}`;
  }

  /** Quick repair after a case: removes containers the fuzz made, and remakes fixtures and images it lost. */
  async settle(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const mine = await this.docker.listContainers({ all: true, filters: { label: [`${this.label.key}=${this.label.value}`] } });
    const fixtureById = new Map([...this.fixtures.values()].map((fixture) => [fixture.id, fixture]));
    const present = new Set<string>();
    for (const container of mine) {
      // A fixture renamed by a fuzzed call is made again under its name, as one removed is.
      const fixture = fixtureById.get(container.Id);
      if (fixture && container.Names.includes(`/${fixture.name}`)) present.add(container.Id);
      else await this.removeContainer(container.Id);
    }
    for (const fixture of this.fixtures.values()) {
      if (!present.has(fixture.id)) await this.makeFixture(fixture.recipe);
    }
    await this.repairOwnImage();
  }

  /**
   * Full repair, between methods: also a fixture in the wrong state, with changed limits or
   * with processes a fuzzed exec left behind is made again, so each method starts the same.
   */
  async restore(): Promise<void> {
    this.dirty = true;
    await this.settle();
    for (const fixture of this.fixtures.values()) {
      if (!(await this.isPristine(fixture))) {
        await this.removeContainer(fixture.id);
        await this.makeFixture(fixture.recipe);
      }
    }
  }

  /** What is on the engine now, as the fuzz must never name it (read before anything of its own exists). */
  async foreignObjects(): Promise<ForeignObjects> {
    const [containers, images, volumes, networks] = await Promise.all([
      this.docker.listContainers({ all: true }),
      this.docker.listImages({ all: true }),
      this.docker.listVolumes(),
      this.docker.listNetworks(),
    ]);
    return {
      containers: containers.map((c) => ({ id: c.Id, names: c.Names.map((name) => name.replace(/^\//, '')) })),
      images: images.map((i) => ({ id: i.Id, refs: [...(i.RepoTags ?? []), ...(i.RepoDigests ?? [])].filter((ref) => !ref.startsWith('<none>')) })),
      volumes: (volumes.Volumes ?? []).map((volume) => volume.Name),
      networks: networks.map((network) => ({ id: network.Id, name: network.Name })),
    };
  }

  /** Removes everything the fuzz made: its containers (with their anonymous volumes), images and named volumes. */
  async tearDown(): Promise<void> {
    const labelFilter = { label: [`${this.label.key}=${this.label.value}`] };
    // A removal already in progress (an auto-removed container) ends by itself: wait for its event.
    for (let round = 0; round < 20; round++) {
      const left = await this.docker.listContainers({ all: true, filters: labelFilter });
      if (left.length === 0) break;
      const changed = this.nextOwnContainerEvent(2_000);
      for (const container of left) await this.removeContainer(container.Id);
      await changed;
    }
    this.stopWatching?.();
    for (const image of await this.docker.listImages({ all: true, filters: labelFilter })) {
      await this.docker.getImage(image.Id).remove({ force: true }).catch(ignoreMissing);
    }
    const volumes = (await this.docker.listVolumes()).Volumes ?? [];
    for (const volume of volumes) {
      if (volume.Name.startsWith(`${this.prefix}-`) || this.ownVolumes.has(volume.Name)) await this.docker.getVolume(volume.Name).remove().catch(ignoreMissing);
    }
  }

  /** Resolves at the next engine event about a container of the fuzz, or after `timeoutMs`. */
  private nextOwnContainerEvent(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
    });
  }

  private async removeContainer(id: string): Promise<void> {
    await this.docker.getContainer(id).remove({ force: true, v: true }).catch(ignoreMissing);
  }

  private async makeFixture(recipe: FixtureRecipe): Promise<void> {
    const name = `${this.prefix}-${recipe.role}`;
    const create = () => this.docker.createContainer({
      name,
      Image: this.image,
      Cmd: ['cat'],
      OpenStdin: recipe.start,
      Tty: recipe.tty,
      Labels: { [this.label.key]: this.label.value },
      // A stop (or a recreate's) waits at most a second for a process a fuzzed SIGSTOP froze.
      StopTimeout: 1,
      HostConfig: { Init: true, ReadonlyRootfs: true, ...fixtureLimits },
    });
    // A fuzzed recreate may still hold the name: a call the fuzz stopped waiting for goes on in
    // the backend and may put a container under it (its new one, or the original rolled back)
    // a moment later. The name is the fuzz's own, so whatever holds it goes, until it stays free.
    const container = await (async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await create();
        } catch (error) {
          if ((error as { statusCode?: number }).statusCode !== 409 || attempt >= 6) throw error;
          await this.docker.getContainer(name).remove({ force: true, v: true }).catch(ignoreMissing);
          await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
        }
      }
    })();
    if (recipe.start) await container.start();
    this.ownContainerIds.add(container.id);
    this.fixtures.set(recipe.role, { recipe, name, id: container.id });
  }

  private async isPristine(fixture: Fixture): Promise<boolean> {
    const container = this.docker.getContainer(fixture.id);
    const inspect = await container.inspect().catch(() => null);
    if (inspect === null || inspect.Name !== `/${fixture.name}`) return false;
    const host = inspect.HostConfig;
    if (host.NanoCpus !== fixtureLimits.NanoCpus || host.Memory !== fixtureLimits.Memory || host.PidsLimit !== fixtureLimits.PidsLimit) return false;
    if (!fixture.recipe.start) return !inspect.State.Running;
    if (!inspect.State.Running || inspect.State.Paused) return false;
    const top = (await container.top()) as { Processes?: unknown[] | null };
    return (top.Processes ?? []).length <= 2; // docker-init and cat
  }

  /** An image of the fuzz's own (its own id, not the test image's), made from the stopped fixture. */
  private async makeOwnImage(): Promise<void> {
    const source = this.docker.getContainer(this.fixtures.get('stopped')?.id ?? '');
    const committed = (await source.commit({ repo: `${this.prefix}/img`, tag: 'one', changes: [`LABEL ${this.label.key}=${this.label.value}`] })) as { Id: string };
    await this.docker.getImage(committed.Id).tag({ repo: `${this.prefix}/img`, tag: 'two' });
    this.ownImage = { id: committed.Id, tags: [`${this.prefix}/img:one`, `${this.prefix}/img:two`] };
  }

  private async repairOwnImage(): Promise<void> {
    const own = this.ownImage;
    const inspect = own ? await this.docker.getImage(own.id).inspect().catch(() => null) : null;
    if (inspect === null) return this.makeOwnImage();
    for (const tag of own?.tags ?? []) {
      if (inspect.RepoTags.includes(tag)) continue;
      const [repo, version] = tag.split(':') as [string, string];
      await this.docker.getImage(inspect.Id).tag({ repo, tag: version });
    }
  }
}

/** Gone already (404), or on its way out (409: an auto-removed container, a removal in progress). */
function ignoreMissing(error: unknown): void {
  const status = (error as { statusCode?: number }).statusCode;
  if (status !== 404 && status !== 409) throw error;
}

/** Reads a push or pull progress stream to its end; an error line fails it. */
async function consumeProgress(stream: Readable, what: string): Promise<void> {
  let text = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) text += chunk.toString('utf8');
  const failed = text.split('\n').find((line) => line.includes('"error"'));
  if (failed) throw new Error(`${what} failed: ${failed}`);
}
