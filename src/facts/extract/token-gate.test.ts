import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kindFromName } from '../../discovery/file-kind.js';
import type { SourceLanguage } from '../../model/file-kind.js';
import type { SourceFacts } from '../types.js';
import { extractSourceAndCodeFacts } from './source-and-code.js';
import { extractSourceFacts } from './source.js';
import { extractPythonCode } from './code/python-code.js';
import { markPythonGuardedReads } from './python-env-guards.js';

/** A full lex of the file, with the same code-based adjustment (guarded strict env reads) the gated path makes. */
function fullLex(language: SourceLanguage, text: string): SourceFacts {
  const { source } = extractSourceFacts(language, text);
  const scope = language === 'python' ? extractPythonCode(text).passes?.python : undefined;
  if (scope) markPythonGuardedReads(scope, source.envReads);
  return source;
}

/** The token gate may skip lexing, or lex only some lines, but must never change the token facts. */
const SAMPLES: Array<[string, SourceLanguage, string]> = [
  ['no triggers at all', 'python', 'def add(a, b):\n    return a + b\n'],
  ['env reads on a few lines', 'python', 'import os\nfrom os import environ, getenv\n\nDB = os.environ["DATABASE_URL"]\nPORT = int(getenv("PORT", "8000"))\nDEBUG = environ.get(\n    "DEBUG",\n    "false",\n) or "0"\n'],
  ['tagged literals in calls and docstrings', 'python', '"""Reads /Users/alice/data."""\nimport sys\nsys.path.insert(0, "/opt/homebrew/lib")\nDATA = f"/home/{USER}/data"\nEND = "plain"\n'],
  ['pydantic settings lex the whole file', 'python', 'from pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n    database_url: str\n    token: str = "/Users/x"\n'],
  ['JS env and literals', 'typescript', "const base = process.env.API_URL ?? 'http://localhost:3000';\nconst { PORT = '3000', SECRET } = process.env;\nfs.readFileSync('/Users/bob/key.pem');\n"],
  ['JS without triggers', 'javascript', 'export function sum(items) {\n  return items.reduce((total, item) => total + item, 0);\n}\n'],
  ['a file with a lexer problem is lexed whole', 'python', 'x = (1,\ny = "/home/alice"\n'],
  ['a Python server bind', 'python', 'from flask import Flask\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run(host="127.0.0.1", port=5000)\n'],
  ['a JS server bind', 'javascript', "const app = require('express')();\napp.listen(3000, '127.0.0.1');\n"],
  ['a literal whose dev branch is on the line above', 'python', 'from django.conf import settings\n\ndef hosts(allowed):\n    if settings.DEBUG and not allowed:\n        allowed = [".localhost", "127.0.0.1", "[::1]"]\n    return allowed\n'],
];

/** Everything the lexer-based extractors produce (all of SourceFacts except the pre-pass's `code` and the service and schema facts built on it). */
function tokenFacts(source: SourceFacts): Omit<SourceFacts, 'code' | 'service' | 'schema'> {
  const { code: _code, service: _service, schema: _schema, ...rest } = source;
  return rest;
}

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** Every Python and JS/TS file among the fixtures: real-shaped code written to exercise the checks. */
function fixtureSources(): Array<[string, SourceLanguage]> {
  const found: Array<[string, SourceLanguage]> = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const kind = kindFromName(path);
        if (path.includes('/fixtures/') && (kind === 'python' || kind === 'javascript' || kind === 'typescript')) found.push([relative(REPO, path), kind]);
      }
    }
  };
  walk(join(REPO, 'src', 'checks'));
  walk(join(REPO, 'test', 'fixtures'));
  return found;
}

describe('token gate', () => {
  it.each(SAMPLES)('%s: same literals, env reads and problems as a full lex', (_name, language, text) => {
    expect(tokenFacts(extractSourceAndCodeFacts(language, text).source)).toEqual(tokenFacts(fullLex(language, text)));
  });

  it('gives the same token facts as a full lex on every fixture file of the repository', () => {
    const sources = fixtureSources();
    expect(sources.length).toBeGreaterThan(100);
    for (const [path, language] of sources) {
      const text = readFileSync(join(REPO, path), 'utf8');
      expect(tokenFacts(extractSourceAndCodeFacts(language, text).source), path).toEqual(tokenFacts(fullLex(language, text)));
    }
  });

  it('finds what the samples are about (so the comparison above is not vacuous)', () => {
    const envSample = SAMPLES[1] as [string, SourceLanguage, string];
    expect(extractSourceAndCodeFacts(envSample[1], envSample[2]).source.envReads.map((read) => read.name)).toEqual(['DATABASE_URL', 'PORT', 'DEBUG']);
    const literalSample = SAMPLES[2] as [string, SourceLanguage, string];
    expect(extractSourceAndCodeFacts(literalSample[1], literalSample[2]).source.literals.map((literal) => literal.value)).toEqual(['/opt/homebrew/lib', '/home/{}/data']);
    const bindSample = SAMPLES.find(([name]) => name === 'a JS server bind') as [string, SourceLanguage, string];
    expect(extractSourceAndCodeFacts(bindSample[1], bindSample[2]).source.listens).toHaveLength(1);
  });
});
