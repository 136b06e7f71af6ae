import { describe, expect, it } from 'vitest';
import { extractPythonCode } from './python-code.js';

const facts = (source: string) => extractPythonCode(source).code;

describe('Python imports', () => {
  it('reads absolute, aliased, relative and multi-line from-imports with positions', () => {
    const code = facts('import os, json as j\nfrom . import helpers\nfrom ..models import (\n    Order,\n    Line as L,\n)\n');
    expect(code.imports.map(({ module, kind, names, line, column }) => ({ module, kind, names, line, column }))).toEqual([
      { module: 'os', kind: 'import', names: undefined, line: 1, column: 8 },
      { module: 'json', kind: 'import', names: undefined, line: 1, column: 12 },
      { module: '.', kind: 'from', names: ['helpers'], line: 2, column: 6 },
      { module: '..models', kind: 'from', names: ['Order', 'Line'], line: 3, column: 6 },
    ]);
  });

  it('marks optional, conditional, type-only and dynamic imports, and ignores imports in strings', () => {
    const code = facts(
      [
        '"""import fake_in_docstring"""',
        'try:',
        '    import ujson as json',
        'except ImportError:',
        '    import json',
        'if TYPE_CHECKING:',
        '    from app.types import Order',
        'def load():',
        '    import yaml',
        '    return importlib.import_module("plugins.s3")',
      ].join('\n'),
    );
    const byModule = Object.fromEntries(code.imports.map((entry) => [entry.module, entry]));
    expect(Object.keys(byModule)).toEqual(['ujson', 'json', 'app.types', 'yaml', 'plugins.s3']);
    expect(byModule.ujson?.isOptional).toBe(true);
    expect(byModule['app.types']?.isTypeOnly).toBe(true);
    expect(byModule.yaml?.isConditional).toBe(true);
    expect(byModule['plugins.s3']).toMatchObject({ kind: 'dynamic', isConditional: true });
  });
});

describe('Python loops', () => {
  it('counts only exits that leave the loop itself', () => {
    const code = facts(
      ['def run(jobs):', '    while True:', '        for job in jobs:', '            break', '        def inner():', '            return 1', '        time.sleep(1)'].join('\n'),
    );
    expect(code.loops).toHaveLength(1);
    expect(code.loops[0]).toMatchObject({ isConstantTrue: true, exits: [], waits: ['sleep'], functionName: 'run', scope: 'function', line: 2 });
  });

  it('knows what the condition reads, what the body changes and which names are locals', () => {
    const code = facts(['retries = 0', 'def fetch(url, limit):', '    attempts = 0', '    while attempts < limit and not stopped:', '        call(url)', '    while queue:', '        queue.pop()'].join('\n'));
    expect(code.loops[0]).toMatchObject({ conditionNames: ['attempts', 'limit', 'stopped'], localNames: ['attempts', 'limit'], changed: [], assigns: false });
    expect(code.loops[1]).toMatchObject({ conditionNames: ['queue'], changed: ['queue'] });
  });

  it('tells import time from the __main__ block', () => {
    const code = facts(['while True:', '    pass', 'if __name__ == "__main__":', '    while True:', '        serve()'].join('\n'));
    expect(code.loops.map((loop) => loop.scope)).toEqual(['import', 'main']);
    expect(code.hasMainGuard).toBe(true);
  });
});

describe('Python functions, routes and calls', () => {
  it('reads route decorators, handlers, startup hooks and the calls in each function', () => {
    const code = facts(
      [
        '@app.on_event("startup")',
        'async def connect():',
        '    await db.connect()',
        '@router.post("/orders", status_code=201)',
        'def create(order):',
        '    return save(order)',
        '@bp.route("/legacy", methods=["GET", "POST"])',
        'def legacy():',
        '    pass',
      ].join('\n'),
    );
    expect(code.functions.map(({ name, isHandler, isStartupHook, calls }) => ({ name, isHandler, isStartupHook, calls }))).toEqual([
      { name: 'connect', isHandler: undefined, isStartupHook: true, calls: ['connect'] },
      { name: 'create', isHandler: true, isStartupHook: undefined, calls: ['save'] },
      { name: 'legacy', isHandler: true, isStartupHook: undefined, calls: [] },
    ]);
    expect(code.routes.map(({ method, path, owner, handler }) => `${method} ${path} ${owner} ${handler}`)).toEqual(['POST /orders router create', 'GET|POST /legacy bp legacy']);
  });

  it('records timeouts, open modes, targets from constants and managed processes', () => {
    const code = facts(
      [
        'CONFIG = os.path.join(BASE, "config.json")',
        'requests.get(url, timeout=5)',
        'requests.post(url, **options)',
        'open(CONFIG, "w")',
        'open("data.csv")',
        'with subprocess.Popen(["python", "worker.py"]) as child:',
        '    pass',
        'sys.exit(1)',
      ].join('\n'),
    );
    expect(code.calls.map(({ callee, category, options, target, mode, hasOpaqueOptions, isManaged }) => ({ callee, category, options, target, mode, hasOpaqueOptions, isManaged }))).toEqual([
      { callee: 'requests.get', category: 'http', options: ['timeout'], target: undefined, mode: undefined, hasOpaqueOptions: undefined, isManaged: undefined },
      { callee: 'requests.post', category: 'http', options: [], target: undefined, mode: undefined, hasOpaqueOptions: true, isManaged: undefined },
      { callee: 'open', category: 'file-write', options: [], target: 'config.json', mode: 'w', hasOpaqueOptions: undefined, isManaged: undefined },
      { callee: 'subprocess.Popen', category: 'child-process', options: [], target: 'python worker.py', mode: undefined, hasOpaqueOptions: undefined, isManaged: true },
      { callee: 'sys.exit', category: 'exit', options: [], target: undefined, mode: undefined, hasOpaqueOptions: undefined, isManaged: undefined },
    ]);
  });

  it('finds unconditional self-recursion but not guarded or delegated recursion', () => {
    const code = facts(['def a(n):', '    return a(n - 1)', 'def b(n):', '    if n == 0:', '        return 0', '    return b(n - 1)', 'def c(self):', '    return self.parent.c()'].join('\n'));
    expect(code.functions.map((fact) => [fact.name, fact.recursion?.line])).toEqual([
      ['a', 2],
      ['b', undefined],
      ['c', undefined],
    ]);
  });

  it('finds broad handlers that only pass', () => {
    const code = facts(['try:', '    x()', 'except Exception as error:', '    pass', 'try:', '    y()', 'except KeyError:', '    pass'].join('\n'));
    expect(code.swallowed.map((entry) => entry.form)).toEqual(['except Exception as error:']);
  });
});
