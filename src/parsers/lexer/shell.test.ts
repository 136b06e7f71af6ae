import { describe, expect, it } from 'vitest';
import { lexShell } from './shell.js';
import { TokenKind } from './token.js';

function words(source: string): string[] {
  return lexShell(source)
    .tokens.filter((token) => token.kind === TokenKind.Name || token.kind === TokenKind.String)
    .map((token) => token.value);
}

describe('lexShell', () => {
  it('splits words and removes quotes', () => {
    expect(words(`exec uvicorn "app.main:app" --port '8000'`)).toEqual([
      'exec',
      'uvicorn',
      'app.main:app',
      '--port',
      '8000',
    ]);
  });

  it('keeps parameter expansions verbatim', () => {
    expect(words('gunicorn -b 0.0.0.0:${PORT:-8000} app:app')).toEqual(['gunicorn', '-b', '0.0.0.0:${PORT:-8000}', 'app:app']);
  });

  it('separates operators and comments', () => {
    const result = lexShell('cd backend && python main.py # start it\n');
    expect(result.tokens.map((token) => token.value)).toEqual(['cd', 'backend', '&&', 'python', 'main.py', '\n']);
    expect(result.comments[0]?.text).toBe('# start it');
  });

  it('joins continued lines into one command', () => {
    const result = lexShell('node \\\n  server.js\n');
    expect(result.tokens.filter((token) => token.kind === TokenKind.Newline)).toHaveLength(1);
  });
});
