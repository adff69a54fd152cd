import type { Dirent } from 'node:fs';
import { access, constants, opendir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import dockerignore from '@balena/dockerignore';
import tarFs from 'tar-fs';
import { BerthError } from '../../api/index.js';

/**
 * A build context as the docker CLI sends it: the directory checked first (it exists, is a
 * directory, can be read; the Dockerfile is inside it), then every path the `.dockerignore`
 * lets through, walked with Docker's own rules, then packed as a tar that is streamed (file
 * contents are read as the engine takes them, never held whole).
 */
export interface BuildContext {
  directory: string;
  /** The Dockerfile's path inside the context, with `/` separators: what the engine is told to read. */
  dockerfile: string;
  /** The paths to send, relative to the directory, in walk order (directories before what is in them). */
  entries: string[];
  files: number;
  bytes: number;
}

const invalid = (field: string, message: string) => new BerthError('invalid_argument', `${field}: ${message}`, { field });

/**
 * What `.dockerignore` leaves in, with Docker's own matching (@balena/dockerignore, a port of
 * the engine's code) and the CLI's two additions: the Dockerfile and `.dockerignore` itself are
 * always sent. Pure.
 */
export class ContextRules {
  private readonly matcher;
  /** The `!` patterns, cleaned as the engine cleans them: an excluded directory is still walked when one of them starts inside it. */
  private readonly exceptions: string[];

  constructor(dockerignoreText: string, dockerfile: string) {
    const patterns = readPatterns(dockerignoreText);
    patterns.push(`!${dockerfile}`, '!.dockerignore');
    // A CommonJS module: under NodeNext its typings' default export is `.default` (the module sets both).
    this.matcher = dockerignore.default({ ignorecase: false }).add(patterns);
    this.exceptions = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
  }

  /**
   * For one path (relative, `/`-separated): `send` it; `skip` it (and, for a directory,
   * everything in it); or, for an excluded directory an exception may reach into, `walk` into it
   * without sending the directory itself (the engine's archive walk does exactly this).
   */
  decide(relativePath: string, isDirectory: boolean): 'send' | 'skip' | 'walk' {
    if (!this.matcher.ignores(relativePath)) return 'send';
    if (!isDirectory) return 'skip';
    const inside = `${relativePath}/`;
    return this.exceptions.some((pattern) => `${pattern}/`.startsWith(inside)) ? 'walk' : 'skip';
  }
}

/** The patterns of a `.dockerignore`, read as the engine reads them (comments, blanks, `/` prefixes, `..`). */
export function readPatterns(text: string): string[] {
  const patterns: string[] = [];
  for (const rawLine of text.split('\n')) {
    let line = rawLine.replace(/\r$/, '');
    if (line.startsWith('#')) continue;
    line = line.trim();
    if (line === '') continue;
    const isException = line.startsWith('!');
    if (isException) line = line.slice(1).trim();
    if (line === '') continue;
    let cleaned = path.posix.normalize(line).replace(/\/+$/, '');
    if (cleaned.length > 1 && cleaned.startsWith('/')) cleaned = cleaned.slice(1);
    if (cleaned === '') cleaned = '.';
    patterns.push(isException ? `!${cleaned}` : cleaned);
  }
  return patterns;
}

/** Checks the context directory and the Dockerfile, and lists what goes to the engine. Every refusal names its field. */
export async function prepareBuildContext(directory: string, dockerfile: string, signal?: AbortSignal): Promise<BuildContext> {
  const root = path.resolve(directory);
  const rootStat = await stat(root).catch((error: NodeJS.ErrnoException) => {
    throw invalid('context', `${directory} ${fileProblem(error)}`);
  });
  if (!rootStat.isDirectory()) throw invalid('context', `${directory} is not a directory`);

  const dockerfilePath = path.resolve(root, dockerfile);
  const relativeDockerfile = path.relative(root, dockerfilePath);
  if (relativeDockerfile === '' || relativeDockerfile.startsWith('..') || path.isAbsolute(relativeDockerfile)) {
    throw invalid('dockerfile', `${dockerfile} is outside the context ${directory}; it must be inside it`);
  }
  const dockerfileStat = await stat(dockerfilePath).catch((error: NodeJS.ErrnoException) => {
    throw invalid('dockerfile', error.code === 'ENOENT' ? `${relativeDockerfile} not found in the context ${directory}` : `${dockerfilePath} ${fileProblem(error)}`);
  });
  if (!dockerfileStat.isFile()) throw invalid('dockerfile', `${relativeDockerfile} in the context ${directory} is not a file`);
  await access(dockerfilePath, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
    throw invalid('dockerfile', `${dockerfilePath} ${fileProblem(error)}`);
  });

  const ignoreText = await readFile(path.join(root, '.dockerignore'), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw invalid('context', `${path.join(root, '.dockerignore')} ${fileProblem(error)}`);
  });
  const dockerfileInContext = relativeDockerfile.split(path.sep).join('/');
  const rules = new ContextRules(ignoreText, dockerfileInContext);
  const context: BuildContext = { directory: root, dockerfile: dockerfileInContext, entries: [], files: 0, bytes: 0 };
  await walk(root, '', rules, context, signal);
  return context;
}

/** Depth first in name order, as the engine's own walk goes; each file sent is checked readable (as the CLI does before sending). */
async function walk(root: string, relativeDir: string, rules: ContextRules, context: BuildContext, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  const absoluteDir = path.join(root, relativeDir);
  let items: Dirent[] = [];
  try {
    const dir = await opendir(absoluteDir);
    for await (const item of dir) items.push(item);
  } catch (error) {
    throw invalid('context', `${absoluteDir} ${fileProblem(error as NodeJS.ErrnoException)}`);
  }
  items = items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const item of items) {
    const relative = relativeDir === '' ? item.name : `${relativeDir}/${item.name}`;
    const isDirectory = item.isDirectory();
    const decision = rules.decide(relative, isDirectory);
    if (decision === 'skip') continue;
    if (isDirectory) {
      if (decision === 'send') context.entries.push(relative);
      await walk(root, relative, rules, context, signal);
      continue;
    }
    // Sockets, FIFOs and devices cannot be sent; the CLI leaves sockets out too.
    if (!item.isFile() && !item.isSymbolicLink()) continue;
    const absolute = path.join(root, relative);
    if (item.isFile()) {
      const size = await stat(absolute)
        .then((info) => info.size)
        .catch((error: NodeJS.ErrnoException) => {
          throw invalid('context', `${absolute} ${fileProblem(error)}`);
        });
      await access(absolute, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
        throw invalid('context', `${absolute} ${fileProblem(error)}`);
      });
      context.bytes += size;
    }
    context.entries.push(relative);
    context.files += 1;
  }
}

function fileProblem(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'does not exist';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'cannot be read: permission denied';
  if (error.code === 'ENOTDIR') return 'is not a directory';
  return `cannot be read: ${error.code ?? error.message}`;
}

/** tar-fs's pack options that its typings leave out. */
interface PackOptions extends tarFs.PackOptions {
  umask?: number;
}

/**
 * The context as a tar stream, made as it is read: only the listed entries (walk decided
 * them), owned by root as the CLI sends them, modes as on disk. Destroy it to stop.
 */
export function packBuildContext(context: BuildContext): Readable {
  const options: PackOptions = {
    entries: context.entries,
    // Every directory's entries to send are listed already: tar-fs must not add the rest.
    ignore: () => true,
    map: (header) => ({ ...header, uid: 0, gid: 0 }),
    umask: 0,
    // A file that became a FIFO since the walk is left out rather than failing the build.
    strict: false,
  };
  return tarFs.pack(context.directory, options);
}
