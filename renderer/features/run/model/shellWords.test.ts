import { describe, expect, it } from 'vitest';
import { joinShellWords, splitShellWords } from './shellWords.js';

describe('shell words', () => {
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

  it('says which quote is unclosed', () => {
    expect(splitShellWords(`echo 'hi`)).toEqual({ ok: false, message: 'has an unclosed single quote' });
    expect(splitShellWords(`echo "hi`)).toEqual({ ok: false, message: 'has an unclosed double quote' });
  });

  it('an empty line is no words', () => {
    expect(splitShellWords('   ')).toEqual({ ok: true, words: [] });
  });

  it('joins words so that splitting gives them back exactly', () => {
    const samples = [['sleep', '3600'], ['sh', '-c', "echo 'quoted' && ls $HOME"], ['', 'a b', 'tab\there', 'new\nline', "it's"]];
    for (const words of samples) expect(splitShellWords(joinShellWords(words))).toEqual({ ok: true, words });
    expect(joinShellWords(['sh', '-c', 'echo hi'])).toBe("sh -c 'echo hi'");
    expect(joinShellWords(['--port=80', '/data/x.conf'])).toBe('--port=80 /data/x.conf');
  });
});
