import { describe, expect, it } from 'vitest';
import { lexShell } from '../../parsers/lexer/shell.js';
import type { ShellCommandFact } from '../types.js';
import { extractShellScript } from './shell-script.js';

function script(text: string) {
  return extractShellScript(text, lexShell(text).tokens);
}

function summary(command: ShellCommandFact): string {
  const flags = [command.isExec && 'exec', command.isBackground && '&', command.inLoop && 'loop', command.inFunction && 'fn', command.isTail && 'tail'].filter(Boolean);
  return `${command.program}${flags.length > 0 ? `[${flags.join(',')}]` : ''}`;
}

const programs = (text: string): string[] => script(text).commands.map(summary);

describe('extractShellScript', () => {
  it('strips assignments and prefixes, and marks exec and the tail', () => {
    expect(programs('#!/bin/sh\ncd /app\nPORT=8000 exec nohup gunicorn app:app\n')).toEqual(['cd', 'gunicorn[exec,tail]']);
    expect(script('export X=1\nnode server.js --port "$PORT"\n').commands[1]).toMatchObject({ program: 'node', args: ['server.js', '--port', '$PORT'], line: 2, column: 1 });
  });

  it('splits and-lists, pipelines and background jobs', () => {
    expect(programs('npm ci && npm run build | tee build.log\nnode worker.js &\nnode server.js &\nwait\n')).toEqual(['npm', 'npm', 'tee', 'node[&]', 'node[&]', 'wait[tail]']);
  });

  it('marks the last command of every branch of a final if or case as tail, not commands in loops or functions', () => {
    const text = [
      'start_worker() {',
      '  celery -A app worker',
      '}',
      'while ! nc -z db 5432; do sleep 1; done',
      'case "$ROLE" in',
      '  web|api) exec gunicorn app:app ;;',
      '  (worker) start_worker ;;',
      '  *) echo "unknown role"; exit 1 ;;',
      'esac',
    ].join('\n');
    expect(programs(text)).toEqual(['celery[fn]', 'nc[loop]', 'sleep[loop]', 'gunicorn[exec,tail]', 'start_worker[tail]', 'echo', 'exit[tail]']);
    expect(programs('if [ "$ENV" = prod ]; then\n  gunicorn app:app\nelse\n  flask run\nfi\n')).toEqual(['[', 'gunicorn[tail]', 'flask[tail]']);
  });

  it('skips redirection targets, heredoc bodies and for-loop word lists', () => {
    expect(programs('cat > app.conf <<EOF\npkill -f old\nEOF\nfor f in a b c; do echo "$f"; done\nexec node server.js 2>&1\n')).toEqual(['cat', 'echo[loop]', 'node[exec,tail]']);
    expect(script('exec node server.js 2>&1\n').commands[0]?.args).toEqual(['server.js']);
  });

  it('finds strict mode in set flags, set -o and the shebang, and TERM traps', () => {
    expect(script('#!/bin/bash\nset -euo pipefail\nnpm ci\n')).toMatchObject({ shebang: '/bin/bash', errexit: 2, nounset: 2, pipefail: 2, trapsTerm: false });
    expect(script('#!/bin/sh\nset -o errexit\nset -o nounset\n')).toMatchObject({ errexit: 2, nounset: 3 });
    expect(script('#!/bin/bash -eu\nnpm ci\n')).toMatchObject({ errexit: 1, nounset: 1 });
    expect(script('npm ci\nnpm test\n').errexit).toBeUndefined();
    expect(script("trap 'kill -TERM $pid' TERM INT\nnode a.js & pid=$!\nwait\n").trapsTerm).toBe(true);
  });

  it('never throws or recurses on unbalanced constructs', () => {
    for (const text of ['fi\ndone\n}\n)\nesac', 'if if if then', '(((((', 'case x in a) b', 'function', `${'if true; then '.repeat(5000)}echo`]) {
      expect(() => script(text)).not.toThrow();
    }
  });
});
