import { describe, expect, it } from 'vitest';
import { openDialogOptions, openedPathOf, saveDialogOptions, savedPathOf } from './file-dialogs.js';

describe('file dialogs', () => {
  it('suggests the name in the folder and confirms an overwrite', () => {
    expect(saveDialogOptions('/home/u/Downloads', 'busybox_latest.tar')).toEqual({
      defaultPath: '/home/u/Downloads/busybox_latest.tar',
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  });

  it('opens one file, offering the request types first and any file after', () => {
    const options = openDialogOptions('/home/u/Downloads', { title: 'Load images', filters: [{ name: 'Image archives', extensions: ['tar'] }] });
    expect(options.title).toBe('Load images');
    expect(options.properties).toEqual(['openFile', 'dontAddToRecent']);
    expect(options.filters).toEqual([
      { name: 'Image archives', extensions: ['tar'] },
      { name: 'All files', extensions: ['*'] },
    ]);
  });

  it('reads a cancelled dialog as null and a chosen file as its path', () => {
    expect(savedPathOf({ canceled: true, filePath: '/x.tar' })).toBeNull();
    expect(savedPathOf({ canceled: false, filePath: '' })).toBeNull();
    expect(savedPathOf({ canceled: false, filePath: '/x.tar' })).toBe('/x.tar');
    expect(openedPathOf({ canceled: true, filePaths: ['/x.tar'] })).toBeNull();
    expect(openedPathOf({ canceled: false, filePaths: [] })).toBeNull();
    expect(openedPathOf({ canceled: false, filePaths: ['/a.tar', '/b.tar'] })).toBe('/a.tar');
  });
});
