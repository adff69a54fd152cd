/**
 * Shell words <-> argument lists, so a command can be typed the way people write it in a
 * terminal (`sh -c 'echo hi; sleep 5'`) and still be sent as the exact argv the engine runs.
 * POSIX-like quoting only: no variables, globs or substitutions are expanded, because nothing
 * here runs a shell; what is typed is what the container gets.
 */

export type SplitResult = { ok: true; words: string[] } | { ok: false; message: string };

/** Characters `\` may escape inside double quotes (POSIX); elsewhere the backslash is kept. */
const escapableInDoubleQuotes = new Set(['"', '\\', '$', '`', '\n']);

export function splitShellWords(text: string): SplitResult {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quote === "'") {
      if (char === "'") quote = null;
      else word += char;
    } else if (quote === '"') {
      const next = text.charAt(i + 1);
      if (char === '"') quote = null;
      else if (char === '\\' && escapableInDoubleQuotes.has(next)) {
        if (next !== '\n') word += next;
        i++;
      } else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === '\\') {
      const next = text.charAt(i + 1);
      i++;
      // A backslash-newline is a line continuation, common in pasted multi-line commands.
      if (next !== '\n') {
        word += next === '' ? '\\' : next;
        inWord = true;
      }
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote !== null) return { ok: false, message: `has an unclosed ${quote === "'" ? 'single' : 'double'} quote` };
  if (inWord) words.push(word);
  return { ok: true, words };
}

/** Words that need no quoting in any POSIX shell. */
const plainWord = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One line that `splitShellWords` turns back into exactly `words`. */
export function joinShellWords(words: readonly string[]): string {
  return words.map(quoteShellWord).join(' ');
}

export function quoteShellWord(word: string): string {
  if (plainWord.test(word)) return word;
  // Inside single quotes nothing is special except the quote itself: close, escape, reopen.
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
