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

  it('reads a heredoc body line by line, so an apostrophe in it opens no quote', () => {
    const result = lexShell("cat > motd <<'EOF'\nWe don't deploy on ${DAY}\n\nEOF\nexec node server.js\n");
    expect(result.problems).toEqual([]);
    expect(result.tokens.filter((token) => token.kind !== TokenKind.Newline).map((token) => token.value)).toEqual([
      'cat', '>', 'motd', '<<', 'EOF', "We don't deploy on ${DAY}", 'EOF', 'exec', 'node', 'server.js',
    ]);
    expect(result.tokens.find((token) => token.value === 'exec')?.line).toBe(5);
  });

  it('strips tabs for <<-, and leaves here-strings alone', () => {
    expect(words('cat <<-END\n\tline one\n\tEND\necho done\n')).toEqual(['cat', '-END', '\tline one', 'END', 'echo', 'done']);
    expect(words("grep -q x <<< \"it's\"\necho ok\n")).toEqual(['grep', '-q', 'x', "it's", 'echo', 'ok']);
  });
});
