import { afterEach, describe, expect, it } from 'vitest';
import { writeTree } from '../../test/support/temp-tree.js';
import { collectFacts } from '../engine/collect-facts.js';
import { envContract } from './env-contract.js';
import { Project } from './project.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function projectOf(files: Record<string, string>): Project {
  const tree = writeTree(files);
  cleanup = tree.cleanup;
  const collected = collectFacts(tree.root, { maxFileSize: 1 << 20, isIgnoredPath: () => false });
  return new Project(tree.root, collected.files, collected.facts, false);
}

describe('envContract', () => {
  it('joins reads across Python, JS and shell with providers and documentation', () => {
    const project = projectOf({
      'api/settings.py': 'import os\nDATABASE_URL = os.environ["DATABASE_URL"]\nDEBUG = os.getenv("DEBUG", "false")\nPORT = int(os.environ.get("PORT", "8000"))\n',
      'web/server.js': "const secret = process.env.SESSION_SECRET;\nconst api = process.env.API_URL || 'http://localhost:8000';\n",
      'start.sh': '#!/bin/sh\nexec gunicorn -w "${WORKERS:-2}" api.app:app\n',
      '.env': 'DEBUG=true\n',
      '.env.example': 'DATABASE_URL=postgres://user:password@localhost/app\nUNUSED_FLAG=1\n',
      '.replit': 'run = "sh start.sh"\n[env]\nSESSION_SECRET = "dev-secret-value"\n',
      Procfile: 'web: WEB_TIMEOUT=30 sh start.sh\n',
    });
    const summary = envContract(project).variables.map((variable) => ({
      name: variable.name,
      required: variable.required,
      strict: variable.strict,
      secret: variable.secret,
      platform: variable.platform,
      reads: variable.reads.map((envRead) => `${envRead.file}:${envRead.line}`),
      provided: variable.provided.map((provision) => `${provision.source}@${provision.file}:${provision.line}`),
      documented: variable.documented.map((doc) => `${doc.file}:${doc.line}`),
    }));
    expect(summary).toEqual([
      { name: 'API_URL', required: false, strict: false, secret: false, platform: false, reads: ['web/server.js:2'], provided: [], documented: [] },
      { name: 'DATABASE_URL', required: true, strict: true, secret: false, platform: false, reads: ['api/settings.py:2'], provided: [], documented: ['.env.example:1'] },
      { name: 'DEBUG', required: false, strict: false, secret: false, platform: false, reads: ['api/settings.py:3'], provided: ['dotenv@.env:1'], documented: [] },
      { name: 'PORT', required: false, strict: false, secret: false, platform: true, reads: ['api/settings.py:4'], provided: [], documented: [] },
      { name: 'SESSION_SECRET', required: true, strict: false, secret: true, platform: false, reads: ['web/server.js:1'], provided: ['replit-env@.replit:3'], documented: [] },
      { name: 'UNUSED_FLAG', required: false, strict: false, secret: false, platform: false, reads: [], provided: [], documented: ['.env.example:2'] },
      { name: 'WEB_TIMEOUT', required: false, strict: false, secret: false, platform: false, reads: [], provided: ['start-command@Procfile:1'], documented: [] },
      { name: 'WORKERS', required: false, strict: false, secret: false, platform: false, reads: ['start.sh:2'], provided: [], documented: [] },
    ]);
  });
});
