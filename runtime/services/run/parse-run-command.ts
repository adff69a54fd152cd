import type { RunSpecInput } from '../../api/index.js';
import { readShellLine } from '../../api/shell-words.js';
import { flagByLongName, flagByShortName } from './docker-run-flags.js';
import { commandError, SpecDraft, type ParseContext, type PendingFlag } from './spec-draft.js';

/**
 * "Paste a docker run command": a `docker run` / `docker create` / `docker container run`
 * command line -> the RunSpec it means, plus warnings for what was read but changes nothing
 * (`-a`, `--cidfile`, ...). A flag the engine is too old for is refused by name, never dropped.
 * Values are read like the CLI reads them; whether they are acceptable (port ranges, memory
 * limits, ...) is left to validation, which names the field. `--env-file`, `--label-file` and
 * seccomp profiles are read through `context.files`, on the machine Berth runs on.
 */
export interface ParsedRunCommand {
  spec: RunSpecInput;
  warnings: string[];
}

export function parseRunCommand(line: string, context: ParseContext = {}): ParsedRunCommand {
  const read = readShellLine(line);
  if (!read.ok) throw commandError(`The command ${read.message}.`);
  const words = read.words;
  const operator = words.find((word) => word.isOperator);
  if (operator) throw commandError(`Only a single docker run command can be pasted; found "${operator.text}".`);

  const warnings: string[] = [];
  const expanded = words.filter((word) => word.hasExpansion).map((word) => word.text);
  if (expanded.length > 0) warnings.push(`Taken literally, as Berth does not expand shell variables: ${expanded.join(' ')}`);

  const rest = skipCommandName(words.map((word) => word.text), warnings);
  const draft = new SpecDraft(warnings, context);
  let index = 0;
  while (index < rest.length) {
    const word = rest[index] as string;
    if (word === '--') {
      index += 1;
      break;
    }
    if (!word.startsWith('-') || word === '-') break;
    const { flags, consumedNext } = readFlags(word, rest[index + 1]);
    for (const pending of flags) draft.apply(pending);
    index += consumedNext ? 2 : 1;
  }
  const image = rest[index];
  if (image === undefined) throw commandError('The command names no image.');
  const command = rest.slice(index + 1);
  return { spec: draft.finish(image, command), warnings };
}

/** Drops `[sudo] docker run` / `docker container create` / ..., refusing anything else. */
function skipCommandName(words: string[], warnings: string[]): string[] {
  let index = 0;
  if (words[index] === 'sudo') index += 1;
  if (words[index] === 'docker') index += 1;
  else throw commandError('The command must start with "docker run" (or "docker create", "docker container run").');
  const global = words[index];
  if (global?.startsWith('-')) throw commandError(`docker's own option ${global} is not supported in a pasted command: Berth runs on the engine it is connected to. Remove it.`);
  if (words[index] === 'container') index += 1;
  const verb = words[index];
  if (verb === 'create') warnings.push('This is a "docker create" command: choose "Create only" to leave the container stopped.');
  else if (verb !== 'run') throw commandError(`Expected "docker run" or "docker create", found "docker ${words.slice(1, index + 1).join(' ')}".`);
  return words.slice(index + 1);
}

/** One word of flags -> the flags it holds; takes the next word as a value when the last flag needs one. */
function readFlags(word: string, next: string | undefined): { flags: PendingFlag[]; consumedNext: boolean } {
  if (word.startsWith('--')) {
    const eq = word.indexOf('=');
    const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
    const flag = flagByLongName(name);
    if (!flag) throw commandError(`Unknown flag: --${name} is not a docker run flag.`);
    const spelled = `--${name}`;
    if (eq >= 0) return { flags: [{ flag, spelled, value: word.slice(eq + 1) }], consumedNext: false };
    if (!flag.takesValue) return { flags: [{ flag, spelled, value: undefined }], consumedNext: false };
    if (next === undefined) throw commandError(`${spelled} needs a value.`);
    return { flags: [{ flag, spelled, value: next }], consumedNext: true };
  }
  // Short flags combine (`-dit`); a flag taking a value takes the rest of the word (`-p80:80`, `-e=A=1`) or the next word.
  const flags: PendingFlag[] = [];
  for (let i = 1; i < word.length; i += 1) {
    const letter = word[i] as string;
    const flag = flagByShortName(letter);
    if (!flag) throw commandError(`Unknown flag: -${letter} is not a docker run flag${word.length > 2 ? ` (in ${word})` : ''}.`);
    const spelled = `-${letter}`;
    const attached = word.slice(i + 1);
    if (!flag.takesValue) {
      if (attached.startsWith('=')) return { flags: [...flags, { flag, spelled, value: attached.slice(1) }], consumedNext: false };
      flags.push({ flag, spelled, value: undefined });
      continue;
    }
    if (attached !== '') return { flags: [...flags, { flag, spelled, value: attached.startsWith('=') ? attached.slice(1) : attached }], consumedNext: false };
    if (next === undefined) throw commandError(`${spelled} needs a value.`);
    return { flags: [...flags, { flag, spelled, value: next }], consumedNext: true };
  }
  return { flags, consumedNext: false };
}
