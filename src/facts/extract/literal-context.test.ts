import { describe, expect, it } from 'vitest';
import type { SourceLanguage } from '../../model/file-kind.js';
import type { LiteralFact } from '../types.js';
import { extractSourceFacts } from './source.js';

function literal(language: SourceLanguage, code: string, value: string): LiteralFact | undefined {
  return extractSourceFacts(language, code).source.literals.find((candidate) => candidate.value === value);
}

describe('network literal context', () => {
  const url = 'http://localhost:8000';

  it('names the list or argument a literal sits in', () => {
    expect(literal('python', `CORS_ORIGINS = ["${url}", "https://shop.dev"]\n`, url)?.container).toBe('CORS_ORIGINS');
    expect(literal('python', `app.add_middleware(CORSMiddleware, allow_origins=["${url}"])\n`, url)?.container).toBe('allow_origins');
    expect(literal('javascript', `app.use(cors({ origin: ['${url}'] }));\n`, url)?.container).toBe('origin');
    expect(literal('python', `requests.get("${url}")\n`, url)?.container).toBe('get');
  });

  it('marks the fallback of an environment read, in Python and JS, on the same or a following line', () => {
    expect(literal('python', `API = os.environ.get("API_URL", "${url}")\n`, url)?.isEnvDefault).toBe(true);
    expect(literal('python', `API = os.getenv(\n    "API_URL",\n    "${url}",\n)\n`, url)?.isEnvDefault).toBe(true);
    expect(literal('python', `API = os.environ.get("API_URL") or "${url}"\n`, url)?.isEnvDefault).toBe(true);
    expect(literal('javascript', `const api = process.env.API_URL || '${url}';\n`, url)?.isEnvDefault).toBe(true);
    expect(literal('typescript', `const api = process.env.API_URL ?? '${url}';\n`, url)?.isEnvDefault).toBe(true);
    expect(literal('python', `API = "${url}"\nOTHER = os.environ.get("OTHER", "x")\n`, url)?.isEnvDefault).toBeUndefined();
  });

  it('marks parameter defaults: Python only after def, JS in any parameter list', () => {
    expect(literal('python', `def connect(base_url="${url}"):\n    pass\n`, url)?.isParameterDefault).toBe(true);
    expect(literal('python', `client = Client(base_url="${url}")\n`, url)?.isParameterDefault).toBeUndefined();
    expect(literal('javascript', `function client(baseUrl = '${url}') {}\n`, url)?.isParameterDefault).toBe(true);
  });

  it('marks branches of a dev/prod conditional, and nothing else', () => {
    expect(literal('typescript', `const api = import.meta.env.DEV ? '${url}' : '/api';\n`, url)?.isDevBranch).toBe(true);
    expect(literal('python', `API = "${url}" if DEBUG else "https://api.shop.dev"\n`, url)?.isDevBranch).toBe(true);
    expect(literal('python', `if settings.DEBUG:\n    API = "${url}"\n`, url)?.isDevBranch).toBe(true);
    expect(literal('typescript', `const api = retry ? '${url}' : '/api';\n`, url)?.isDevBranch).toBeUndefined();
  });

  it('adds no context to literals that are not network addresses', () => {
    const path = literal('python', 'DATA = os.environ.get("DATA", "/Users/dana/data")\n', '/Users/dana/data');
    expect(path).toBeDefined();
    expect(path?.isEnvDefault).toBeUndefined();
    expect(path?.container).toBeUndefined();
  });
});
