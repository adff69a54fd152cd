import { describe, expect, it } from 'vitest';
import { parseDotenv } from './dotenv.js';

describe('.env files', () => {
  it('reads KEY=VALUE lines, skipping comments and blank lines', () => {
    const text = ['# database', 'DB_HOST=db', '', 'export DB_PORT = 5432', 'EMPTY=', '  # indented comment'].join('\n');
    expect(parseDotenv(text)).toEqual({
      vars: [{ key: 'DB_HOST', value: 'db' }, { key: 'DB_PORT', value: '5432' }, { key: 'EMPTY', value: '' }],
      errors: [],
    });
  });

  it('unquotes values; only double quotes know escapes; a comment may follow the quote', () => {
    const text = [`A="hello world" # greeting`, `B='it''s'`, `C='$HOME \\n'`, `D="line\\nbreak \\"q\\""`, 'E=pa#ss=word', 'F="C:\\temp"'].join('\r\n');
    const { vars, errors } = parseDotenv(text);
    expect(errors).toEqual([{ line: 2, message: "unexpected text after the closing '" }]);
    expect(vars).toEqual([
      { key: 'A', value: 'hello world' },
      { key: 'C', value: '$HOME \\n' },
      { key: 'D', value: 'line\nbreak "q"' },
      { key: 'E', value: 'pa#ss=word' },
      { key: 'F', value: 'C:\\temp' },
    ]);
  });

  it('names the line and the reason of each bad line', () => {
    const text = ['OK=1', 'JUSTAKEY', '=value', 'MY KEY=1', 'Q="open'].join('\n');
    expect(parseDotenv(text)).toEqual({
      vars: [{ key: 'OK', value: '1' }],
      errors: [
        { line: 2, message: 'expected KEY=VALUE' },
        { line: 3, message: 'the key before = is empty' },
        { line: 4, message: 'the key "MY KEY" contains a space' },
        { line: 5, message: 'the value has no closing "' },
      ],
    });
  });
});
