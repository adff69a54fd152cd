import { describe, expect, it } from 'vitest';
import { joinShellWords, quoteShellWord, readShellLine, splitShellWords, type ShellLine } from './shell-words.js';

function texts(line: string): string[] {
  const read: ShellLine = readShellLine(line);
  if (!read.ok) throw new Error(read.message);
  return read.words.map((word) => word.text);
}

describe('readShellLine', () => {
  it('splits on blanks and keeps quoted blanks', () => {
    expect(texts(`docker run  -e 'A=two words' -e "B=x y"\tbusybox`)).toEqual(['docker', 'run', '-e', 'A=two words', '-e', 'B=x y', 'busybox']);
  });

  it('takes single quotes literally and honours the escapes inside double quotes', () => {
    expect(texts(`'a\\b $HOME' "c\\"d \\$e \\\\ \\n"`)).toEqual(['a\\b $HOME', 'c"d $e \\ \\n']);
    expect(texts('"a\\`b"')).toEqual(['a`b']);
  });

  it('joins backslash-newline continuations, LF and CRLF, outside and inside double quotes', () => {
    expect(texts('docker run \\\n  -d \\\r\n  busybox')).toEqual(['docker', 'run', '-d', 'busybox']);
    expect(texts('docker run \\\r\n  -e "A=1\\\r\n2" \\\r\n  busybox\r\n')).toEqual(['docker', 'run', '-e', 'A=12', 'busybox']);
    expect(texts('echo "a\\\nb"')).toEqual(['echo', 'ab']);
  });

  it('keeps escaped characters and glues adjacent quoted parts into one word', () => {
    expect(texts(`a\\ b 'x'"y"z --name=it\\'s`)).toEqual(['a b', 'xyz', "--name=it's"]);
  });

  it('keeps an empty quoted word', () => {
    expect(texts(`--entrypoint '' busybox`)).toEqual(['--entrypoint', '', 'busybox']);
    expect(texts(`--entrypoint "" busybox`)).toEqual(['--entrypoint', '', 'busybox']);
  });

  it('takes a trailing backslash literally', () => {
    expect(texts('echo a\\')).toEqual(['echo', 'a\\']);
  });

  it('marks unquoted operators and expansions', () => {
    const read = readShellLine(`a && b '&&' $HOME '$X' "$Y" \`id\` c;d`);
    expect(read.ok && read.words.map((word) => [word.text, word.quoted, word.hasExpansion, word.isOperator])).toEqual([
      ['a', false, false, false],
      ['&&', false, false, true],
      ['b', false, false, false],
      ['&&', true, false, false],
      ['$HOME', false, true, false],
      ['$X', true, false, false],
      ['$Y', true, true, false],
      ['`id`', false, true, false],
      ['c', false, false, false],
      [';', false, false, true],
      ['d', false, false, false],
    ]);
  });

  it('starts a comment only with a # at the start of a word', () => {
    expect(texts('docker run busybox # a comment\n')).toEqual(['docker', 'run', 'busybox']);
    expect(texts('echo a # b')).toEqual(['echo', 'a']);
    expect(texts('a#b')).toEqual(['a#b']);
    expect(texts(`echo '#not' "#a" \\#b`)).toEqual(['echo', '#not', '#a', '#b']);
    expect(texts('docker run \\\n  # the image\n  busybox')).toEqual(['docker', 'run', 'busybox']);
  });

  it('refuses unclosed quotes, naming which', () => {
    expect(readShellLine(`echo 'oops`)).toEqual({ ok: false, message: 'has an unclosed single quote' });
    expect(readShellLine(`echo "oops`)).toEqual({ ok: false, message: 'has an unclosed double quote' });
    expect(readShellLine(`echo "it's`)).toEqual({ ok: false, message: 'has an unclosed double quote' });
  });
});

describe('splitShellWords', () => {
  it('splits on whitespace and honours single quotes, double quotes and backslashes', () => {
    expect(splitShellWords(`sh -c 'echo "hi there"; sleep 5'`)).toEqual({ ok: true, words: ['sh', '-c', 'echo "hi there"; sleep 5'] });
    expect(splitShellWords(`echo "a \\"b\\" \\$HOME" c\\ d`)).toEqual({ ok: true, words: ['echo', 'a "b" $HOME', 'c d'] });
    expect(splitShellWords(`  nginx   -g  'daemon off;'  `)).toEqual({ ok: true, words: ['nginx', '-g', 'daemon off;'] });
  });

  it('keeps empty quoted words and joins continued lines', () => {
    expect(splitShellWords(`printf '' ""`)).toEqual({ ok: true, words: ['printf', '', ''] });
    expect(splitShellWords('sleep \\\n 10')).toEqual({ ok: true, words: ['sleep', '10'] });
  });

  it('keeps a backslash inside double quotes unless it escapes something', () => {
    expect(splitShellWords(`echo "C:\\temp"`)).toEqual({ ok: true, words: ['echo', 'C:\\temp'] });
  });

  it('passes $VAR on literally: no shell runs the command to expand it', () => {
    expect(splitShellWords('echo $HOME ${USER}')).toEqual({ ok: true, words: ['echo', '$HOME', '${USER}'] });
  });

  it('drops a comment', () => {
    expect(splitShellWords('echo a # b')).toEqual({ ok: true, words: ['echo', 'a'] });
  });

  it('says which quote is unclosed', () => {
    expect(splitShellWords(`echo 'hi`)).toEqual({ ok: false, message: 'has an unclosed single quote' });
    expect(splitShellWords(`echo "hi`)).toEqual({ ok: false, message: 'has an unclosed double quote' });
  });

  it('refuses an unquoted shell operator, which nothing would act on', () => {
    const split = splitShellWords('echo hi && echo there');
    expect(split.ok).toBe(false);
    if (!split.ok) expect(split.message).toMatch(/shell operator "&&".*sh -c/);
    expect(splitShellWords(`echo 'a;b' a\\;b`)).toEqual({ ok: true, words: ['echo', 'a;b', 'a;b'] });
  });

  it('an empty line is no words', () => {
    expect(splitShellWords('   ')).toEqual({ ok: true, words: [] });
    expect(splitShellWords('# only a comment')).toEqual({ ok: true, words: [] });
  });
});

describe('quoteShellWord and joinShellWords', () => {
  it('leave plain words alone and single-quote the rest', () => {
    expect(quoteShellWord('busybox:1.36')).toBe('busybox:1.36');
    expect(quoteShellWord('A=1')).toBe('A=1');
    expect(quoteShellWord('two words')).toBe(`'two words'`);
    expect(quoteShellWord('')).toBe(`''`);
    expect(quoteShellWord("it's")).toBe(`'it'\\''s'`);
    expect(joinShellWords(['sh', '-c', 'echo hi'])).toBe("sh -c 'echo hi'");
    expect(joinShellWords(['--port=80', '/data/x.conf'])).toBe('--port=80 /data/x.conf');
  });

  it('round-trip any word through the splitter', () => {
    for (const word of ['', ' ', "'", '"', '\\', '$HOME', 'a\nb', 'a\r\nb', '*', '#x', 'a;b', '&&', "it's \"quoted\" \\ $x"]) {
      expect(texts(quoteShellWord(word))).toEqual([word]);
    }
    const samples = [['sleep', '3600'], ['sh', '-c', "echo 'quoted' && ls $HOME"], ['', 'a b', 'tab\there', 'new\nline', "it's"]];
    for (const words of samples) expect(splitShellWords(joinShellWords(words))).toEqual({ ok: true, words });
  });
});
