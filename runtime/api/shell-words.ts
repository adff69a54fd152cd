/**
 * Shell words: a command line as a person types or pastes it <-> the exact argument list a
 * container runs. The one reading shared by "Paste a docker run command", the Run form's command
 * and entrypoint fields and the terminal's Command field.
 *
 * Words are read as a POSIX shell reads them, minus every expansion. Berth is not a shell: it
 * has neither the environment nor the working directory of whoever wrote the line, so `$HOME`,
 * `` `cmd` ``, `~` and globs stay literal (a word a shell would have expanded is marked, so a
 * caller can warn). What the shell does apply:
 * - blanks (space, tab, CR, LF) separate words; quoted or escaped parts glue into one word;
 * - single quotes take everything literally up to the next `'`;
 * - in double quotes `\` escapes only `$`, `` ` ``, `"`, `\` and a newline; elsewhere it stays;
 * - outside quotes `\` makes the next character literal;
 * - `\` + newline (LF or CRLF, as in a pasted multi-line `docker run \`) joins the lines;
 * - `#` at the start of a word starts a comment up to the end of the line (`a#b` is one word);
 * - unquoted `| & ; < > ( )` are operators, words of their own (`a;b` is three words).
 */

export interface ShellWord {
  text: string;
  /** True when some part of the word was quoted or escaped: `'&&'` is an argument, `&&` an operator. */
  quoted: boolean;
  /** True when an unquoted (or double-quoted) `$` or backtick appears: a shell would have expanded it. */
  hasExpansion: boolean;
  /** An unquoted run of `| & ; < > ( )`: the shell would have acted on it, not passed it on. */
  isOperator: boolean;
}

/** Either the words, or what stops the line from being read (to follow a field name). */
export type ShellLine = { ok: true; words: ShellWord[] } | { ok: false; message: string };

const blanks = new Set([' ', '\t', '\n', '\r']);
const operatorChars = new Set(['|', '&', ';', '<', '>', '(', ')']);
/** What `\` escapes inside double quotes; before anything else it stays a backslash. */
const escapableInDoubleQuotes = new Set(['$', '`', '"', '\\']);

/** The length of a line break at `at` (LF or CRLF), 0 when there is none. */
function lineBreakAt(line: string, at: number): number {
  if (line[at] === '\n') return 1;
  return line[at] === '\r' && line[at + 1] === '\n' ? 2 : 0;
}

/** Reads a whole line into words, keeping what each word was made of. */
export function readShellLine(line: string): ShellLine {
  const words: ShellWord[] = [];
  let current: ShellWord | null = null;
  const word = (): ShellWord => (current ??= { text: '', quoted: false, hasExpansion: false, isOperator: false });
  const finish = () => {
    if (current) words.push(current);
    current = null;
  };

  let i = 0;
  while (i < line.length) {
    const char = line[i] as string;
    if (char === '\\') {
      const joined = lineBreakAt(line, i + 1);
      if (joined > 0) {
        i += 1 + joined;
      } else if (i + 1 === line.length) {
        // A trailing backslash: a shell would wait for more input; take it literally.
        word().text += '\\';
        i += 1;
      } else {
        const escaped = word();
        escaped.text += line[i + 1] as string;
        escaped.quoted = true;
        i += 2;
      }
    } else if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, message: 'has an unclosed single quote' };
      const quoted = word();
      quoted.text += line.slice(i + 1, end);
      quoted.quoted = true;
      i = end + 1;
    } else if (char === '"') {
      const end = readDoubleQuoted(line, i + 1, word());
      if (end < 0) return { ok: false, message: 'has an unclosed double quote' };
      i = end;
    } else if (blanks.has(char)) {
      finish();
      i += 1;
    } else if (char === '#' && current === null) {
      const end = line.indexOf('\n', i);
      i = end < 0 ? line.length : end;
    } else if (operatorChars.has(char)) {
      finish();
      let end = i + 1;
      while (end < line.length && operatorChars.has(line[end] as string)) end += 1;
      words.push({ text: line.slice(i, end), quoted: false, hasExpansion: false, isOperator: true });
      i = end;
    } else {
      const plain = word();
      if (char === '$' || char === '`') plain.hasExpansion = true;
      plain.text += char;
      i += 1;
    }
  }
  finish();
  return { ok: true, words };
}

/** Reads a double-quoted part into `word` from just after its opening quote; the index after the closing quote, or -1. */
function readDoubleQuoted(line: string, from: number, word: ShellWord): number {
  word.quoted = true;
  let i = from;
  while (i < line.length) {
    const char = line[i] as string;
    if (char === '"') return i + 1;
    if (char === '\\') {
      const joined = lineBreakAt(line, i + 1);
      const next = line[i + 1];
      if (joined > 0) i += 1 + joined;
      else if (next !== undefined && escapableInDoubleQuotes.has(next)) {
        word.text += next;
        i += 2;
      } else {
        word.text += '\\';
        i += 1;
      }
      continue;
    }
    if (char === '$' || char === '`') word.hasExpansion = true;
    word.text += char;
    i += 1;
  }
  return -1;
}

/** Either the argument list, or why the text is not one (to follow a field name). */
export type SplitResult = { ok: true; words: string[] } | { ok: false; message: string };

/**
 * A command for a container to run (`sh -c 'echo hi'`) as its argument list. An unquoted
 * operator is refused: no shell runs the command, so `a && b` cannot mean what it says.
 */
export function splitShellWords(text: string): SplitResult {
  const read = readShellLine(text);
  if (!read.ok) return read;
  const operator = read.words.find((word) => word.isOperator);
  if (operator) return { ok: false, message: `has the shell operator "${operator.text}", but no shell runs it: quote it, or run sh -c '…'` };
  return { ok: true, words: read.words.map((word) => word.text) };
}

/** Words that need no quoting in any POSIX shell. */
const plainWord = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One word for a POSIX shell: as is when plain, else in single quotes (a `'` written `'\''`). */
export function quoteShellWord(word: string): string {
  if (plainWord.test(word)) return word;
  // Inside single quotes nothing is special but the quote itself: close, escape it, reopen.
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** One line that `splitShellWords` (and a real shell) turns back into exactly `words`. */
export function joinShellWords(words: readonly string[]): string {
  return words.map(quoteShellWord).join(' ');
}
