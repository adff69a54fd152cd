import { describe, expect, it } from 'vitest';
import { quoteShellWord, splitShellWords } from './shell-words.js';

const texts = (line: string) => splitShellWords(line).map((word) => word.text);

describe('splitShellWords', () => {
  it('splits on blanks and keeps quoted blanks', () => {
    expect(texts(`docker run  -e 'A=two words' -e "B=x y"\tbusybox`)).toEqual(['docker', 'run', '-e', 'A=two words', '-e', 'B=x y', 'busybox']);
  });

  it('takes single quotes literally and honours the four escapes inside double quotes', () => {
    expect(texts(`'a\\b $HOME' "c\\"d \\$e \\\\ \\n"`)).toEqual(['a\\b $HOME', 'c"d $e \\ \\n']);
  });

  it('joins backslash-newline continuations, LF and CRLF', () => {
    expect(texts('docker run \\\n  -d \\\r\n  busybox')).toEqual(['docker', 'run', '-d', 'busybox']);
  });

  it('keeps escaped characters and glues adjacent quoted parts into one word', () => {
    expect(texts(`a\\ b 'x'"y"z --name=it\\'s`)).toEqual(['a b', 'xyz', "--name=it's"]);
  });

  it('keeps an empty quoted word', () => {
    expect(texts(`--entrypoint '' busybox`)).toEqual(['--entrypoint', '', 'busybox']);
    expect(texts(`--entrypoint "" busybox`)).toEqual(['--entrypoint', '', 'busybox']);
  });

  it('marks unquoted operators and expansions', () => {
    const words = splitShellWords(`a && b '&&' $HOME '$X'`);
    expect(words.map((word) => [word.text, word.quoted, word.hasExpansion])).toEqual([
      ['a', false, false],
      ['&&', false, false],
      ['b', false, false],
      ['&&', true, false],
      ['$HOME', false, true],
      ['$X', true, false],
    ]);
  });

  it('drops comments', () => {
    expect(texts('docker run busybox # a comment\n')).toEqual(['docker', 'run', 'busybox']);
    expect(texts('a#b')).toEqual(['a#b']);
  });

  it('refuses unterminated quotes, naming the command field', () => {
    expect(() => splitShellWords(`echo 'oops`)).toThrow(/unterminated single quote/);
    expect(() => splitShellWords(`echo "oops`)).toThrow(/unterminated double quote/);
  });
});

describe('quoteShellWord', () => {
  it('leaves safe words alone and single-quotes the rest', () => {
    expect(quoteShellWord('busybox:1.36')).toBe('busybox:1.36');
    expect(quoteShellWord('A=1')).toBe('A=1');
    expect(quoteShellWord('two words')).toBe(`'two words'`);
    expect(quoteShellWord('')).toBe(`''`);
    expect(quoteShellWord("it's")).toBe(`'it'\\''s'`);
  });

  it('round-trips any word through the splitter', () => {
    for (const word of ['', ' ', "'", '"', '\\', '$HOME', 'a\nb', '*', '#x', 'a;b', "it's \"quoted\" \\ $x"]) {
      expect(texts(quoteShellWord(word))).toEqual([word]);
    }
  });
});
