import { describe, expect, it } from 'vitest';
import type { SourceLanguage } from '../../model/file-kind.js';
import { extractSourceAndCodeFacts } from './source-and-code.js';
import { extractSourceFacts } from './source.js';

/** The token gate may skip lexing, or lex only some lines, but must never change the token facts. */
const SAMPLES: Array<[string, SourceLanguage, string]> = [
  ['no triggers at all', 'python', 'def add(a, b):\n    return a + b\n'],
  ['env reads on a few lines', 'python', 'import os\nfrom os import environ, getenv\n\nDB = os.environ["DATABASE_URL"]\nPORT = int(getenv("PORT", "8000"))\nDEBUG = environ.get(\n    "DEBUG",\n    "false",\n) or "0"\n'],
  ['tagged literals in calls and docstrings', 'python', '"""Reads /Users/alice/data."""\nimport sys\nsys.path.insert(0, "/opt/homebrew/lib")\nDATA = f"/home/{USER}/data"\nEND = "plain"\n'],
  ['pydantic settings lex the whole file', 'python', 'from pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n    database_url: str\n    token: str = "/Users/x"\n'],
  ['JS env and literals', 'typescript', "const base = process.env.API_URL ?? 'http://localhost:3000';\nconst { PORT = '3000', SECRET } = process.env;\nfs.readFileSync('/Users/bob/key.pem');\n"],
  ['JS without triggers', 'javascript', 'export function sum(items) {\n  return items.reduce((total, item) => total + item, 0);\n}\n'],
  ['a file with a lexer problem is lexed whole', 'python', 'x = (1,\ny = "/home/alice"\n'],
];

describe('token gate', () => {
  it.each(SAMPLES)('%s: same literals, env reads and problems as a full lex', (_name, language, text) => {
    const gated = extractSourceAndCodeFacts(language, text).source;
    const full = extractSourceFacts(language, text).source;
    expect({ literals: gated.literals, envReads: gated.envReads, syntaxProblems: gated.syntaxProblems }).toEqual({ literals: full.literals, envReads: full.envReads, syntaxProblems: full.syntaxProblems });
  });

  it('finds what the samples are about (so the comparison above is not vacuous)', () => {
    const envSample = SAMPLES[1] as [string, SourceLanguage, string];
    expect(extractSourceAndCodeFacts(envSample[1], envSample[2]).source.envReads.map((read) => read.name)).toEqual(['DATABASE_URL', 'PORT', 'DEBUG']);
    const literalSample = SAMPLES[2] as [string, SourceLanguage, string];
    expect(extractSourceAndCodeFacts(literalSample[1], literalSample[2]).source.literals.map((literal) => literal.value)).toEqual(['/opt/homebrew/lib', '/home/{}/data']);
  });
});
