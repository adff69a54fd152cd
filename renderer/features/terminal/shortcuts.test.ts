import { describe, expect, it } from 'vitest';
import { terminalShortcut } from './shortcuts.js';

const key = (code: string, modifiers: Partial<Record<'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey', boolean>>, type = 'keydown') => ({
  type,
  code,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  ...modifiers,
});

describe('terminal shortcuts', () => {
  it('copies and pastes with Ctrl+Shift+C / V', () => {
    expect(terminalShortcut(key('KeyC', { ctrlKey: true, shiftKey: true }))).toBe('copy');
    expect(terminalShortcut(key('KeyV', { ctrlKey: true, shiftKey: true }))).toBe('paste');
  });

  it('leaves Ctrl+C, Ctrl+V and everything else to the program', () => {
    expect(terminalShortcut(key('KeyC', { ctrlKey: true }))).toBeNull();
    expect(terminalShortcut(key('KeyV', { ctrlKey: true }))).toBeNull();
    expect(terminalShortcut(key('KeyC', { ctrlKey: true, shiftKey: true, altKey: true }))).toBeNull();
    expect(terminalShortcut(key('KeyC', { ctrlKey: true, shiftKey: true }, 'keyup'))).toBeNull();
    expect(terminalShortcut(key('KeyX', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });
});
