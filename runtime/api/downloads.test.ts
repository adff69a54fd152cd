import { describe, expect, it } from 'vitest';
import { downloadParamsFrom, downloads, downloadUrl } from './downloads.js';
import { parseParams } from './validation.js';

/** A query's pairs, as URLSearchParams gives them (not available to runtime/api's types). */
const query = (text: string): [string, string][] =>
  text.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]);

describe('downloads', () => {
  it('puts params in a URL and reads them back as the schema wants them', () => {
    const url = downloadUrl('logs', { id: 'web', tail: 100, since: '10m', timestamps: true, stderr: false }, 'remote');
    expect(url).toBe('/download/logs?id=web&tail=100&since=10m&timestamps=1&stderr=0&engine=remote');
    const read = downloadParamsFrom('logs', query(url.slice(url.indexOf('?') + 1)));
    expect(read).toEqual({ params: { id: 'web', tail: 100, since: '10m', timestamps: true, stderr: false }, engine: 'remote' });
    expect(parseParams('download logs', downloads.logs.params, 'params' in read ? read.params : {})).toEqual({
      id: 'web',
      tail: 100,
      since: '10m',
      timestamps: true,
      stdout: true,
      stderr: false,
    });
  });

  it('leaves what is not a flag or a number as text, so the schema names the field; refuses a key given twice', () => {
    const read = downloadParamsFrom('logs', query('id=web&tail=all&timestamps=yes&path=/etc/passwd'));
    expect(read).toEqual({ params: { id: 'web', tail: 'all', timestamps: 'yes', path: '/etc/passwd' } });
    expect(() => parseParams('download logs', downloads.logs.params, 'params' in read ? read.params : {})).toThrow(/timestamps: .*; path: unknown field/);
    expect(downloadParamsFrom('logs', query('id=a&id=b'))).toEqual({ duplicate: 'id' });
  });

  it('writes a list as its key once per item, in order, and reads it back as the list', () => {
    const url = downloadUrl('images', { ids: ['app:1', 'registry.local:5000/app@sha256:' + 'a'.repeat(64), 'e70fb1be254e'] }, 'remote');
    expect(url).toBe(`/download/images?ids=app%3A1&ids=registry.local%3A5000%2Fapp%40sha256%3A${'a'.repeat(64)}&ids=e70fb1be254e&engine=remote`);
    const read = downloadParamsFrom('images', query(url.slice(url.indexOf('?') + 1)));
    expect(read).toEqual({ params: { ids: ['app:1', `registry.local:5000/app@sha256:${'a'.repeat(64)}`, 'e70fb1be254e'] }, engine: 'remote' });
    // One item is a list of one, not a string: the schema reads it.
    expect(downloadParamsFrom('images', query('ids=app:1'))).toEqual({ params: { ids: ['app:1'] } });
  });

  it('names the list field and the item that is wrong; still refuses other keys given twice', () => {
    const parse = (text: string) => {
      const read = downloadParamsFrom('images', query(text));
      return () => parseParams('download images', downloads.images.params, 'params' in read ? read.params : {});
    };
    expect(parse('')).toThrow(/ids: /);
    expect(parse('ids=')).toThrow(/ids\.0: is required/);
    expect(parse('ids=a:1&ids=-bad')).toThrow(/ids\.1: must be an image id or reference/);
    expect(parse('ids=a:1&ids=a:1')).toThrow(/ids: must not name an image twice/);
    expect(parse('ids=a:1&path=/tmp/x.tar')).toThrow(/path: unknown field/);
    expect(downloadParamsFrom('images', query('ids=a:1&engine=x&engine=y'))).toEqual({ duplicate: 'engine' });
    expect(downloadParamsFrom('logs', query('id=a&id=b'))).toEqual({ duplicate: 'id' });
  });
});

