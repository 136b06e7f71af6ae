import { describe, expect, it } from 'vitest';
import { extractSourceAndCodeFacts } from './source-and-code.js';

function reads(source: string): string[] {
  return extractSourceAndCodeFacts('python', source).source.envReads.map((fact) => `${fact.name}@${fact.line} ${fact.strict ? 'strict' : fact.hasDefault ? 'optional' : 'no-default'}`);
}

describe('guarded strict Python env reads', () => {
  it('makes a read optional after a membership test of the same name, not before it and not for other names', () => {
    const source = [
      'import os',
      'EARLY = os.environ["SENTRY_DSN"]',
      'if "SENTRY_DSN" in os.environ:',
      '    sentry_sdk.init(os.environ["SENTRY_DSN"])',
      "if 'DEBUG_TOOLBAR' not in os.environ:",
      '    pass',
      'DB = os.environ["DATABASE_URL"]',
      'TOOLBAR = os.environ["DEBUG_TOOLBAR"]',
    ].join('\n');
    expect(reads(source)).toEqual(['SENTRY_DSN@2 strict', 'SENTRY_DSN@4 optional', 'DATABASE_URL@7 strict', 'DEBUG_TOOLBAR@8 optional']);
  });

  it('ignores a membership test in a comment or a docstring', () => {
    const source = ['"""Set it: "API_KEY" in os.environ must hold."""', 'import os', '# if "API_KEY" in os.environ:', 'KEY = os.environ["API_KEY"]'].join('\n');
    expect(reads(source)).toEqual(['API_KEY@4 strict']);
  });

  it('makes a read optional inside a try whose handler catches KeyError, LookupError, Exception or everything', () => {
    const source = [
      'import os',
      'try:',
      '    columns = int(os.environ["COLUMNS"])',
      'except (KeyError, ValueError):',
      '    columns = 80',
      'try:',
      '    lines = int(os.environ["LINES"])',
      'except ValueError:',
      '    lines = 24',
      'def token():',
      '    try:',
      '        return os.environ["TOKEN"]',
      '    except:',
      '        return None',
      'try:',
      '    pass',
      'except KeyError:',
      '    fallback = os.environ["FALLBACK"]',
      'try:',
      '    region = os.environ["REGION"]',
      'except ValueError:',
      '    if strict:',
      '        raise',
      'except KeyError:',
      '    region = "eu"',
    ].join('\n');
    expect(reads(source)).toEqual(['COLUMNS@3 optional', 'LINES@7 strict', 'TOKEN@12 optional', 'FALLBACK@18 strict', 'REGION@20 optional']);
  });
});
