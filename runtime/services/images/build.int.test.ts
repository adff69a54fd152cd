import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BerthError, type BuildEvent, type BuildStep, type StreamParams } from '../../api/index.js';
import { connectBackend, docker, testImage, uniqueName, type Connected } from '../../testing/real-engine.js';

let connected: Connected;
let scratch: string;
const tags: string[] = [];

/** A context directory of its own: `files` maps relative paths to contents. */
async function contextWith(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(path.join(scratch, 'ctx-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(directory, name)), { recursive: true });
    await writeFile(path.join(directory, name), text);
  }
  return directory;
}

function tagFor(label: string): string {
  const tag = `${uniqueName(label)}:it`;
  tags.push(tag);
  return tag;
}

interface Outcome {
  events: BuildEvent[];
  error: BerthError | null;
}

/** Runs one build through the contract to its end (or failure). */
function build(params: StreamParams<'images.build'>): Promise<Outcome> {
  return new Promise((resolve) => {
    const events: BuildEvent[] = [];
    connected.client.subscribe('images.build', params, {
      onEvent: (event) => events.push(event),
      onEnd: () => resolve({ events, error: null }),
      onError: (error) => resolve({ events, error }),
    });
  });
}

const stepsOf = (events: BuildEvent[]) => events.filter((event): event is BuildStep => event.type === 'step');
const linesOf = (events: BuildEvent[]) => events.flatMap((event) => (event.type === 'output' ? event.lines : []));

beforeAll(async () => {
  connected = await connectBackend();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'berth-build-'));
});

afterAll(async () => {
  for (const tag of tags) await docker('rmi', '-f', tag).catch(() => undefined);
  await rm(scratch, { recursive: true, force: true });
  connected.close();
});

describe('images.build on the real engine', () => {
  it('builds a two-step Dockerfile: the log step by step, then the image with every tag', async () => {
    const context = await contextWith({ Dockerfile: `FROM ${testImage()}\nRUN echo built-by-berth > /made\nCMD ["cat", "/made"]\n` });
    const [first, second] = [tagFor('two-step'), tagFor('two-step-b')];
    const { events, error } = await build({ context, tags: [first, second], noCache: true });
    expect(error).toBeNull();
    expect(events[0]).toEqual({ type: 'context', files: 1, bytes: expect.any(Number) as number });
    expect(stepsOf(events)).toEqual([
      { type: 'step', index: 1, total: 3, instruction: `FROM ${testImage()}` },
      { type: 'step', index: 2, total: 3, instruction: 'RUN echo built-by-berth > /made' },
      { type: 'step', index: 3, total: 3, instruction: 'CMD ["cat", "/made"]' },
    ]);
    // The RUN's own output comes after its step and before the next.
    const stepTwo = events.findIndex((event) => event.type === 'step' && event.index === 2);
    const stepThree = events.findIndex((event) => event.type === 'step' && event.index === 3);
    expect(linesOf(events.slice(stepTwo, stepThree)).some((line) => line.startsWith(' ---> Running in '))).toBe(true);
    const done = events.at(-1);
    expect(done).toEqual({ type: 'built', imageId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as string, tags: [first, second] });
    const imageId = (done as { imageId: string }).imageId;
    expect(await docker('image', 'inspect', '-f', '{{.Id}}', first)).toBe(imageId);
    expect(await docker('image', 'inspect', '-f', '{{.Id}}', second)).toBe(imageId);
    expect(await docker('run', '--rm', first)).toBe('built-by-berth');
  });

  it('leaves out what .dockerignore excludes, exactly as docker build does, and always sends the Dockerfile and .dockerignore', async () => {
    const context = await contextWith({
      Dockerfile: `FROM ${testImage()}\nCOPY . /ctx/\n`,
      '.dockerignore': '# the CLI reads these rules too\nsecret.txt\n*.log\n/docs\n!docs/keep.md\nDockerfile\n.dockerignore\nnested/**/drop.*\n',
      'app.txt': 'app',
      'secret.txt': 'do not send',
      'top.log': 'log',
      'sub/deep.log': 'kept: *.log is the top level only',
      'docs/keep.md': 'kept by the exception',
      'docs/other.md': 'excluded with docs',
      'nested/a/b/drop.txt': 'excluded',
      'nested/a/b/stay.txt': 'kept',
    });
    const ours = tagFor('ignored');
    const { error } = await build({ context, tags: [ours] });
    expect(error).toBeNull();
    const listing = async (image: string) => (await docker('run', '--rm', image, 'find', '/ctx')).split('\n').sort();
    const sent = await listing(ours);
    expect(sent).toContain('/ctx/app.txt');
    expect(sent).toContain('/ctx/docs/keep.md');
    expect(sent).toContain('/ctx/sub/deep.log');
    expect(sent).toContain('/ctx/nested/a/b/stay.txt');
    // Both were sent (the engine read the Dockerfile from the context), and the engine itself takes
    // them out of what COPY sees when .dockerignore names them.
    expect(sent).not.toContain('/ctx/Dockerfile');
    expect(sent).not.toContain('/ctx/.dockerignore');
    expect(sent).not.toContain('/ctx/secret.txt');
    expect(sent).not.toContain('/ctx/top.log');
    expect(sent).not.toContain('/ctx/docs/other.md');
    expect(sent).not.toContain('/ctx/nested/a/b/drop.txt');
    // The same context through the docker CLI (classic builder): the same files in the image.
    const theirs = tagFor('ignored-cli');
    await docker('build', '-q', '-t', theirs, context);
    expect(sent).toEqual(await listing(theirs));
  });

  it('passes build args and stops at the target stage', async () => {
    const context = await contextWith({
      'build/App.dockerfile': [
        `FROM ${testImage()} AS base`,
        'ARG GREETING=unset',
        'RUN echo "$GREETING" > /greeting',
        'FROM base AS final',
        'RUN echo final > /final',
        '',
      ].join('\n'),
    });
    const ours = tagFor('target');
    const { events, error } = await build({ context, dockerfile: 'build/App.dockerfile', tags: [ours], buildArgs: { GREETING: 'hello from an arg' }, target: 'base' });
    expect(error).toBeNull();
    expect(stepsOf(events).map((step) => step.instruction)).toEqual([`FROM ${testImage()} AS base`, 'ARG GREETING=unset', 'RUN echo "$GREETING" > /greeting']);
    expect(await docker('run', '--rm', ours, 'cat', '/greeting')).toBe('hello from an arg');
    await expect(docker('run', '--rm', ours, 'cat', '/final')).rejects.toThrow(/No such file/);
  });

  it('a failing RUN step ends the build with that step, its output and its exit code', async () => {
    const context = await contextWith({ Dockerfile: `FROM ${testImage()}\nRUN echo to-stdout; echo to-stderr >&2; exit 3\n` });
    const { events, error } = await build({ context, tags: [tagFor('failing')], noCache: true });
    expect(error).toBeInstanceOf(BerthError);
    expect(error).toMatchObject({
      code: 'conflict',
      details: { step: { index: 2, total: 2, instruction: 'RUN echo to-stdout; echo to-stderr >&2; exit 3' }, exitCode: 3 },
    });
    expect(error?.message).toMatch(/^Step 2\/2 \(RUN echo to-stdout; echo to-stderr >&2; exit 3\) failed: .*returned a non-zero code: 3$/);
    const output = linesOf(events.slice(events.findIndex((event) => event.type === 'step' && event.index === 2)));
    expect(output).toContain('to-stdout');
    expect(output.some((line) => line.includes('to-stderr'))).toBe(true);
    expect(events.some((event) => event.type === 'built')).toBe(false);
  });

  it('a Dockerfile syntax error is invalid_argument naming the line, as the engine reports it', async () => {
    const context = await contextWith({ Dockerfile: `FROM ${testImage()}\nRUN true\nCOPPY a b\n` });
    const { events, error } = await build({ context });
    expect(error).toMatchObject({ code: 'invalid_argument', message: 'dockerfile parse error line 3: unknown instruction: COPPY' });
    expect(stepsOf(events)).toEqual([]);
  });

  it('refuses a bad context, Dockerfile, tag or build arg by field before anything reaches the engine', async () => {
    const context = await contextWith({ Dockerfile: `FROM ${testImage()}\n`, 'file.txt': 'x' });
    const outside = await contextWith({ Dockerfile: `FROM ${testImage()}\n` });
    const refusals = [
      [{ context: path.join(scratch, 'missing') }, /^context: .*missing does not exist$/],
      [{ context: path.join(context, 'file.txt') }, /^context: .*file\.txt is not a directory$/],
      [{ context: 'relative/dir' }, /^images\.build: context: must be an absolute path/],
      [{ context, dockerfile: 'Nope.dockerfile' }, /^dockerfile: Nope\.dockerfile not found in the context /],
      [{ context, dockerfile: '../Dockerfile' }, /^dockerfile: \.\.\/Dockerfile is outside the context .*; it must be inside it$/],
      [{ context, dockerfile: path.join(outside, 'Dockerfile') }, /^dockerfile: .* is outside the context /],
      [{ context, tags: ['App:1'] }, /^images\.build: tags\.0: repository name "App" must be lowercase$/],
      [{ context, tags: ['app@sha256:' + 'a'.repeat(64)] }, /^images\.build: tags\.0: .*cannot contain one$/],
      [{ context, buildArgs: { 'A=B': 'x' } }, /^images\.build: buildArgs\.A=B: .*must not contain "="/],
      [{ context, target: '1st' }, /^images\.build: target: must be a stage name/],
    ] satisfies [StreamParams<'images.build'>, RegExp][];
    for (const [params, message] of refusals) {
      const { events, error } = await build(params);
      expect(error, JSON.stringify(params)).toMatchObject({ code: 'invalid_argument' });
      expect(error?.message, JSON.stringify(params)).toMatch(message);
      expect(events).toEqual([]);
    }
  });

  it('cancelling (unsubscribing) stops the build: its running step container is gone and nothing keeps running', async () => {
    const context = await contextWith({ Dockerfile: `FROM ${testImage()}\nRUN echo started; sleep 30\nRUN echo never\n` });
    const events: BuildEvent[] = [];
    let ended = false;
    let endedWith = '';
    let wake = () => undefined as void;
    const subscription = connected.client.subscribe(
      'images.build',
      { context, tags: [tagFor('cancelled')], noCache: true },
      {
        onEvent: (event) => {
          events.push(event);
          wake();
        },
        onEnd: () => (ended = true),
        onError: (error) => {
          ended = true;
          endedWith = error.message;
        },
      },
    );
    // Wait until the RUN has started (its output arrived), then read its container from the log.
    await new Promise<void>((resolve) => {
      wake = () => (linesOf(events).includes('started') ? resolve() : undefined);
    });
    const running = linesOf(events)
      .map((line) => /^ ---> Running in ([0-9a-f]+)$/.exec(line)?.[1])
      .find((id) => id !== undefined);
    expect(running).toBeDefined();
    // Running until the cancel (the message says what became of it otherwise: seen once on a loaded machine, not reproduced since).
    const state = async () => `${await docker('ps', '-a', '--filter', `id=${running}`, '--format', '{{.Status}}')}; stream ended: ${String(ended)} ${endedWith}`;
    expect(await docker('ps', '-q', '--filter', `id=${running}`), await state()).not.toBe('');

    subscription.dispose();
    // The engine kills and removes the step's container once the request is gone.
    await expect
      .poll(() => docker('ps', '-a', '-q', '--filter', `id=${running}`), { timeout: 20_000, interval: 100, message: 'the step container outlived the cancel' })
      .toBe('');
    expect(await docker('ps', '-q', '--filter', `ancestor=${testImage()}`, '--filter', 'status=running')).not.toMatch(new RegExp(running!.slice(0, 12)));
    expect(events.some((event) => event.type === 'step' && event.index === 3)).toBe(false);
    expect(ended).toBe(false); // an unsubscribed stream hears nothing more
  });
});
