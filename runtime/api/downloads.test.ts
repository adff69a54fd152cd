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
});
