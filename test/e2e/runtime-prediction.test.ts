import { describe, expect, it } from 'vitest';
import { audit } from '../../src/engine/audit.js';
import type { SimulationSection } from '../../src/model/simulation-section-schema.js';
import { writeTree } from '../support/temp-tree.js';

describe('secrets in the simulation', () => {
  it('the app gets a placeholder, and a real value it prints from a committed file is masked everywhere', async () => {
    const realSecret = 'Zq8wPp3LmN7rT2vXa9';
    const tree = writeTree({
      '.env': `PAYMENT_API_SECRET=${realSecret}\n`,
      'package.json': '{ "name": "payments", "scripts": { "start": "node server.js" } }\n',
      'server.js': [
        "'use strict';",
        "const fs = require('node:fs');",
        "console.log('env key: ' + process.env.PAYMENT_API_SECRET);",
        "const fromFile = fs.readFileSync('.env', 'utf8').split('=')[1].trim();",
        "throw new Error('payment provider rejected key ' + fromFile);",
      ].join('\n'),
      '.liveready.yaml': 'simulate: { restarts: 0 }\n',
    });
    try {
      const report = await audit({ root: tree.root });
      const simulation = report.sections.simulation as SimulationSection;
      expect(simulation.environment.placeholders).toEqual(['PAYMENT_API_SECRET']);
      expect(simulation.outputTail.map((line) => line.text)).toContain('env key: liveready-placeholder-payment-api-secret');
      expect(report.verdict.deathLoopCause?.summary).toContain('payment provider rejected key Zq8w');
      expect(JSON.stringify(report)).not.toContain(realSecret);
    } finally {
      tree.cleanup();
    }
  });
});

describe('a runtime failure linked to the static finding that predicted it', () => {
  it('the crash loop of an unset variable names the env finding, and the cause says so', async () => {
    const tree = writeTree({
      'package.json': '{ "name": "orders", "scripts": { "start": "node server.js" } }\n',
      'server.js': "'use strict';\nconst http = require('node:http');\n\nconst databaseUrl = process.env.DATABASE_URL;\nif (!databaseUrl) throw new Error('DATABASE_URL is required');\nhttp.createServer((_req, res) => res.end('ok')).listen(Number(process.env.PORT));\n",
      '.liveready.yaml': 'simulate: { restarts: 1, aliveSeconds: 1 }\n',
    });
    try {
      const report = await audit({ root: tree.root });
      const simulation = report.sections.simulation as SimulationSection;
      expect(simulation.classification).toMatchObject({ kind: 'missing-env', variable: 'DATABASE_URL', predictedBy: { checkId: 'env/require-provided-variable', location: { file: 'server.js', line: 4 } } });
      expect(report.verdict.deathLoopCause?.checkId).toBe('runtime/no-crash-loop');
      expect(report.verdict.deathLoopCause?.summary).toContain('predicted by env/require-provided-variable (server.js:4:21)');
    } finally {
      tree.cleanup();
    }
  });
});
