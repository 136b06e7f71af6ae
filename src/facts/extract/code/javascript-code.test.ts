import { describe, expect, it } from 'vitest';
import { extractJavaScriptCode } from './javascript-code.js';

const facts = (source: string) => extractJavaScriptCode(source).code;

describe('JS/TS imports', () => {
  it('reads every import form with its kind and position', () => {
    const code = facts(
      [
        "import express, { Router } from 'express';",
        "import type { Item } from './types';",
        "import { type A, type B } from './types2';",
        "import './polyfill';",
        "export * from '../lib/index.js';",
        "const fs = require('node:fs');",
        "const page = await import('./page.js');",
        "// import './commented';",
        "const text = \"import './in-a-string'\";",
      ].join('\n'),
    );
    expect(code.imports.map(({ module, kind, isTypeOnly, line }) => ({ module, kind, isTypeOnly, line }))).toEqual([
      { module: 'express', kind: 'import', isTypeOnly: undefined, line: 1 },
      { module: './types', kind: 'import', isTypeOnly: true, line: 2 },
      { module: './types2', kind: 'import', isTypeOnly: true, line: 3 },
      { module: './polyfill', kind: 'import', isTypeOnly: undefined, line: 4 },
      { module: '../lib/index.js', kind: 'export', isTypeOnly: undefined, line: 5 },
      { module: 'node:fs', kind: 'require', isTypeOnly: undefined, line: 6 },
      { module: './page.js', kind: 'dynamic', isTypeOnly: undefined, line: 7 },
    ]);
  });
});

describe('JS/TS functions and routes', () => {
  it('names declarations, arrows, methods (with their class) and TypeScript signatures', () => {
    const code = facts(
      [
        'export async function load(id: string): Promise<Item[]> {',
        '  return fetchItems(id);',
        '}',
        'const save = async (item: Item): Promise<void> => {',
        '  await db.put(item);',
        '};',
        'class Cart {',
        '  total(): number {',
        '    return sumPrices(this.items);',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(code.functions.map(({ name, className, isAsync, calls }) => ({ name, className, isAsync, calls }))).toEqual([
      { name: 'load', className: undefined, isAsync: true, calls: ['fetchItems'] },
      { name: 'save', className: undefined, isAsync: true, calls: ['put'] },
      { name: 'total', className: 'Cart', isAsync: undefined, calls: ['sumPrices'] },
    ]);
  });

  it('sees a function whose TypeScript return type holds braces or brackets, and keeps its loop inside it', () => {
    const code = facts(
      [
        'export function parse(text: string): { value?: number; rest: string[] } | undefined {',
        '  while (true) {',
        '    return undefined;',
        '  }',
        '}',
        'const pick = (items: Item[]): [Item, number][] => {',
        '  return items.length ? toPairs(items) : [];',
        '};',
        'class Reader {',
        '  next(): { done: boolean } {',
        '    return step(this);',
        '  }',
        '}',
        'if (ready) { go(); } else { stop(); }',
      ].join('\n'),
    );
    expect(code.functions.map(({ name, className, calls }) => ({ name, className, calls }))).toEqual([
      { name: 'parse', className: undefined, calls: [] },
      { name: 'pick', className: undefined, calls: ['toPairs'] },
      { name: 'next', className: 'Reader', calls: ['step'] },
    ]);
    expect(code.loops.map(({ functionName, scope }) => ({ functionName, scope }))).toEqual([{ functionName: 'parse', scope: 'function' }]);
  });

  it('reads route registrations with inline and named handlers, and ignores HTTP clients', () => {
    const code = facts(
      [
        "app.get('/items/:id', async (req, res) => {",
        '  res.json(await find(req.params.id));',
        '});',
        "router.post('/orders', auth, createOrder);",
        'function createOrder(req, res) {}',
        "axios.get('/api/users', handler);",
        "cache.get('/key', fallback);",
      ].join('\n'),
    );
    expect(code.routes.map(({ method, path, owner, handler, handlerIndex }) => ({ method, path, owner, handler, handlerIndex }))).toEqual([
      { method: 'GET', path: '/items/:id', owner: 'app', handler: '', handlerIndex: 0 },
      { method: 'POST', path: '/orders', owner: 'router', handler: 'createOrder', handlerIndex: 1 },
    ]);
    expect(code.functions.map((fact) => fact.isHandler)).toEqual([true, true]);
  });
});

describe('JS/TS loops and calls', () => {
  it('reads for (;;), do-while and braceless while loops', () => {
    const code = facts(['for (;;) { await tick(); }', 'do { n++; } while (n < 10);', 'while (!ready);', 'for (const item of items) {}'].join('\n'));
    expect(code.loops.map(({ kind, condition, isConstantTrue, waits, changed }) => ({ kind, condition, isConstantTrue, waits, changed }))).toEqual([
      { kind: 'for', condition: '', isConstantTrue: true, waits: ['await'], changed: [] },
      { kind: 'do-while', condition: 'n < 10', isConstantTrue: false, waits: [], changed: ['n'] },
      { kind: 'while', condition: '!ready', isConstantTrue: false, waits: [], changed: [] },
    ]);
  });

  it('lets a break inside a switch or a nested function not count as a way out', () => {
    const code = facts(['while (true) {', '  switch (x) { case 1: break; }', '  items.forEach(() => { return; });', '}'].join('\n'));
    expect(code.loops[0]?.exits).toEqual([]);
  });

  it('reads option keys, opaque options and empty catch handlers', () => {
    const code = facts(
      [
        "await fetch(url, { signal: AbortSignal.timeout(5000), headers });",
        'await fetch(url, options);',
        "fs.writeFileSync(path.join(__dirname, '.env'), data);",
        'try { go(); } catch (error) {}',
        'promise.catch(() => {});',
      ].join('\n'),
    );
    expect(code.calls.map(({ callee, options, hasOpaqueOptions, target }) => ({ callee, options, hasOpaqueOptions, target }))).toEqual([
      { callee: 'fetch', options: ['signal', 'headers'], hasOpaqueOptions: undefined, target: undefined },
      { callee: 'fetch', options: [], hasOpaqueOptions: true, target: undefined },
      { callee: 'fs.writeFileSync', options: [], hasOpaqueOptions: undefined, target: '.env' },
    ]);
    expect(code.swallowed.map((entry) => entry.form)).toEqual(['catch (error) {}', '.catch(() => {})']);
  });
});
