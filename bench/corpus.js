// Generates a synthetic but realistic mixed Python + TypeScript tree for the benchmark:
// packages of services and routes with imports, env reads, loops and handlers, of realistic sizes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function pythonModule(index, pkg) {
  const lines = [
    '"""Service module generated for the liveready benchmark."""',
    'import json',
    'import logging',
    'import os',
    'import time',
    `from ${pkg}.models import Record${index % 7}`,
    `from . import helpers_${index % 5}`,
    '',
    'logger = logging.getLogger(__name__)',
    `API_URL = os.environ.get("API_URL_${index % 13}", "http://localhost:8000")`,
    '',
  ];
  for (let fn = 0; fn < 12; fn += 1) {
    lines.push(
      `def handle_${fn}(payload: dict) -> dict:`,
      `    """Handle payload variant ${fn}."""`,
      '    result = {}',
      '    for key, value in payload.items():',
      '        if isinstance(value, str) and value.startswith("x"):',
      '            result[key] = value.upper()',
      '        else:',
      '            result[key] = value',
      `    logger.info("handled %s", json.dumps(result)[:${40 + fn}])`,
      '    return result',
      '',
    );
  }
  lines.push('def poll_forever() -> None:', '    while True:', '        time.sleep(5)', '        handle_0({})', '');
  return lines.join('\n');
}

function typescriptModule(index) {
  const lines = [
    "import { Router } from 'express';",
    `import { db } from '../db/client${index % 9}';`,
    `import type { Item${index % 4} } from './types';`,
    '',
    `const BASE = process.env.SERVICE_URL_${index % 11} ?? 'http://localhost:3000';`,
    'export const router = Router();',
    '',
  ];
  for (let fn = 0; fn < 10; fn += 1) {
    lines.push(
      `router.get('/items/${fn}/:id', async (req, res) => {`,
      '  const id = Number(req.params.id);',
      `  const rows = await db.query('select * from items where id = $1 and kind = ${fn}', [id]);`,
      '  if (rows.length === 0) {',
      "    res.status(404).json({ error: 'not found' });",
      '    return;',
      '  }',
      `  res.json({ item: rows[0], source: \`\${BASE}/items/${fn}\` });`,
      '});',
      '',
    );
  }
  lines.push(`export function summarize${index}(items: Array<{ price: number }>): number {`, '  return items.reduce((total, item) => total + item.price, 0);', '}', '');
  return lines.join('\n');
}

/** Writes `count` files: ~45% Python, ~45% TypeScript, the rest manifests and docs. */
export function generateCorpus(root, count) {
  const summary = { files: 0, python: 0, typescript: 0, other: 0, bytes: 0 };
  const write = (path, text) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
    summary.bytes += Buffer.byteLength(text);
    summary.files += 1;
  };
  write('package.json', JSON.stringify({ name: 'bench', scripts: { start: 'node web/server.js' } }, null, 2));
  write('requirements.txt', 'fastapi\nuvicorn\nrequests\n');
  write('Procfile', 'web: uvicorn svc0.app:app --host 0.0.0.0 --port $PORT\n');
  write('.env.example', 'API_URL_0=\nSERVICE_URL_0=\n');
  write('web/server.js', "require('http').createServer((q, s) => s.end('ok')).listen(process.env.PORT);\n");
  summary.other += 5;
  for (let index = 0; summary.files < count; index += 1) {
    const pkg = `svc${index % 40}`;
    const kind = index % 20;
    if (kind < 9) {
      write(`backend/${pkg}/service_${index}.py`, pythonModule(index, pkg));
      summary.python += 1;
    } else if (kind < 18) {
      write(`frontend/src/${pkg}/route${index}.${index % 3 === 0 ? 'tsx' : 'ts'}`, typescriptModule(index));
      summary.typescript += 1;
    } else {
      write(`docs/${pkg}/notes_${index}.md`, `# Notes ${index}\n\nSee /api/items for details.\n`);
      summary.other += 1;
    }
  }
  return summary;
}
