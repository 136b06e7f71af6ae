import { afterEach, describe, expect, it } from 'vitest';
import { writeTree } from '../../../test/support/temp-tree.js';
import { collectFacts } from '../../engine/collect-facts.js';
import { Project } from '../project.js';
import { stronglyConnected } from './cycles.js';
import { moduleGraph } from './module-graph.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function projectOf(files: Record<string, string>): Project {
  const tree = writeTree(files);
  cleanup = tree.cleanup;
  const collected = collectFacts(tree.root, { maxFileSize: 1 << 20, isIgnoredPath: () => false });
  return new Project(tree.root, collected.files, collected.facts, false);
}

function resolutions(project: Project): string[] {
  return moduleGraph(project).imports.map(({ file, fact, resolution }) => `${file} ${fact.module}${fact.names ? `[${fact.names.join(',')}]` : ''} -> ${resolution.status}${resolution.targets.length > 0 ? ` ${resolution.targets.join(',')}` : ''}${resolution.packageName ? ` (${resolution.packageName})` : ''}`);
}

describe('Python resolution', () => {
  it('resolves src layouts, packages, relative and namespace imports; tells stdlib, packages and missing modules apart', () => {
    const project = projectOf({
      'src/shop/__init__.py': '',
      'src/shop/cart.py': 'import json\nimport yaml\nfrom shop.pricing import total\nfrom . import views\nfrom .missing import thing\n',
      'src/shop/pricing.py': '',
      'src/shop/views/__init__.py': '',
      'scripts/tool.py': 'from helpers import run\nimport shop.cart\n',
      'scripts/helpers.py': '',
    });
    expect(resolutions(project)).toEqual([
      'scripts/tool.py helpers[run] -> project scripts/helpers.py',
      'scripts/tool.py shop.cart -> external (shop)',
      'src/shop/cart.py json -> builtin (json)',
      'src/shop/cart.py yaml -> external (yaml)',
      'src/shop/cart.py shop.pricing[total] -> project src/shop/pricing.py,src/shop/__init__.py',
      'src/shop/cart.py .[views] -> project src/shop/__init__.py,src/shop/views/__init__.py',
      'src/shop/cart.py .missing[thing] -> missing',
    ]);
  });

  it('resolves a package imported through its __init__ module by name', () => {
    const project = projectOf({ 'yq/__init__.py': 'def cli():\n    pass\n', 'yq/__main__.py': 'from yq.__init__ import cli\ncli()\n' });
    expect(resolutions(project)).toEqual(['yq/__main__.py yq.__init__[cli] -> project yq/__init__.py']);
  });

  it('knows modules removed from the standard library in the pinned version', () => {
    const project = projectOf({ 'runtime.txt': 'python-3.12.3\n', 'app.py': 'import distutils\nimport tomllib\n' });
    expect(resolutions(project)).toEqual(['app.py distutils -> external (distutils)', 'app.py tomllib -> builtin (tomllib)']);
  });

  it('takes `import __main__` as the running script even beside a __main__.py, and private modules as standard', () => {
    const project = projectOf({ 'tool/__main__.py': 'print(1)\n', 'tool/complete.py': 'import __main__\nimport _io\nimport _yaml\n' });
    expect(resolutions(project)).toEqual(['tool/complete.py __main__ -> builtin (__main__)', 'tool/complete.py _io -> builtin (_io)', 'tool/complete.py _yaml -> external (_yaml)']);
  });
});

describe('JS/TS resolution', () => {
  it('resolves extensions, index files, .js written for .ts, tsconfig paths and workspace packages', () => {
    const project = projectOf({
      'web/tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }',
      'web/package.json': '{ "name": "web" }',
      'web/src/main.ts': "import { a } from './util.js';\nimport { b } from './lib';\nimport { c } from '@/lib/c';\nimport ui from '@acme/ui';\nimport fs from 'node:fs';\nimport express from 'express/lib/router';\nimport gone from './gone';\n",
      'web/src/util.ts': '',
      'web/src/lib/index.ts': '',
      'web/src/lib/c.tsx': '',
      'packages/ui/package.json': '{ "name": "@acme/ui", "exports": { ".": { "import": "./src/index.ts" } } }',
      'packages/ui/src/index.ts': '',
    });
    expect(resolutions(project)).toEqual([
      'web/src/main.ts ./util.js -> project web/src/util.ts',
      'web/src/main.ts ./lib -> project web/src/lib/index.ts',
      'web/src/main.ts @/lib/c -> project web/src/lib/c.tsx',
      'web/src/main.ts @acme/ui -> project packages/ui/src/index.ts (@acme/ui)',
      'web/src/main.ts node:fs -> builtin (fs)',
      'web/src/main.ts express/lib/router -> external (express)',
      'web/src/main.ts ./gone -> missing',
    ]);
  });
});

describe('graph', () => {
  it('finds what the start command loads, following unconditional imports only', () => {
    const project = projectOf({
      Procfile: 'web: uvicorn app.main:app\n',
      'app/__init__.py': '',
      'app/main.py': 'from app import routes\ndef later():\n    from app import reports\n',
      'app/routes.py': 'from app.db import session\n',
      'app/db.py': '',
      'app/reports.py': '',
    });
    const graph = moduleGraph(project);
    expect(graph.entrypoints).toEqual(['app/main.py']);
    expect([...graph.loadedAtStart].sort()).toEqual(['app/__init__.py', 'app/db.py', 'app/main.py', 'app/routes.py']);
  });

  it('finds cycles of any length without recursion', () => {
    const chain = new Map<string, string[]>();
    for (let index = 0; index < 5000; index += 1) chain.set(`m${index}`, [`m${index + 1}`]);
    chain.set('m5000', ['m0']);
    chain.set('x', ['y']);
    expect(stronglyConnected(chain).map((cycle) => cycle.length)).toEqual([5001]);
  });
});
