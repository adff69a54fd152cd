import { BerthError } from '../../api/index.js';

/**
 * Splits a pasted command line into words the way a POSIX shell would, minus every expansion:
 * Berth has no shell, no environment and no working directory of the person who wrote the
 * command, so `$HOME`, `~` and globs stay literal (the parser warns about them).
 *
 * Handles single quotes (everything literal), double quotes (backslash escapes only `$`, `` ` ``,
 * `"`, `\` and newline), backslash escapes outside quotes, and backslash-newline continuations
 * (also `\` + CRLF, common in commands copied from Windows editors).
 */
export interface ShellWord {
  text: string;
  /** True when some part of the word was quoted or escaped: `'&&'` is an argument, `&&` an operator. */
  quoted: boolean;
  /** True when an unquoted `$` appears: the shell would have expanded it. */
  hasExpansion: boolean;
}

/** Characters that end a word and start a shell operator when unquoted. */
const operatorChars = new Set(['|', '&', ';', '<', '>', '(', ')']);

export function splitShellWords(line: string): ShellWord[] {
  const words: ShellWord[] = [];
  let current: ShellWord | null = null;
  const start = (): ShellWord => (current ??= { text: '', quoted: false, hasExpansion: false });
  const finish = () => {
    if (current) words.push(current);
    current = null;
  };
  const inWord = () => current !== null;

  let i = 0;
  while (i < line.length) {
    const char = line[i] as string;
    if (char === '\\') {
      const next = line[i + 1];
      if (next === undefined) {
        // A trailing backslash: a shell would wait for more input; take it literally.
        start().text += '\\';
        i += 1;
      } else if (next === '\n') {
        i += 2;
      } else if (next === '\r' && line[i + 1 + 1] === '\n') {
        i += 3;
      } else {
        const word = start();
        word.text += next;
        word.quoted = true;
        i += 2;
      }
    } else if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new BerthError('invalid_argument', 'The command has an unterminated single quote.', { field: 'command' });
      const word = start();
      word.text += line.slice(i + 1, end);
      word.quoted = true;
      i = end + 1;
    } else if (char === '"') {
      i = readDoubleQuoted(line, i + 1, start());
    } else if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      finish();
      i += 1;
    } else if (char === '#' && !inWord()) {
      // A comment runs to the end of the line.
      const end = line.indexOf('\n', i);
      i = end < 0 ? line.length : end;
    } else if (operatorChars.has(char)) {
      finish();
      let operator = char;
      while (i + operator.length < line.length && operatorChars.has(line[i + operator.length] as string)) operator += line[i + operator.length];
      words.push({ text: operator, quoted: false, hasExpansion: false });
      i += operator.length;
    } else {
      const word = start();
      if (char === '$' || char === '`') word.hasExpansion = true;
      word.text += char;
      i += 1;
    }
  }
  finish();
  return words;
}

function readDoubleQuoted(line: string, from: number, word: ShellWord): number {
  word.quoted = true;
  let i = from;
  while (i < line.length) {
    const char = line[i] as string;
    if (char === '"') return i + 1;
    if (char === '\\') {
      const next = line[i + 1];
      if (next === '\n') {
        i += 2;
        continue;
      }
      if (next === '$' || next === '`' || next === '"' || next === '\\') {
        word.text += next;
        i += 2;
        continue;
      }
      word.text += '\\';
      i += 1;
      continue;
    }
    if (char === '$' || char === '`') word.hasExpansion = true;
    word.text += char;
    i += 1;
  }
  throw new BerthError('invalid_argument', 'The command has an unterminated double quote.', { field: 'command' });
}

/** Characters that never need quoting in a POSIX shell word. */
const safeWord = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes one word for a POSIX shell: as is when safe, else in single quotes (`'` as `'\''`). */
export function quoteShellWord(word: string): string {
  if (safeWord.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
