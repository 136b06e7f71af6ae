import { describe, expect, it } from 'vitest';
import { lexJavaScript } from '../../parsers/lexer/javascript.js';
import { lexPython } from '../../parsers/lexer/python.js';
import { lexShell } from '../../parsers/lexer/shell.js';
import { extractEnvReads } from './env-reads.js';

function reads(language: 'python' | 'javascript' | 'shell', source: string): string[] {
  const lexed = language === 'python' ? lexPython(source) : language === 'shell' ? lexShell(source) : lexJavaScript(source);
  return extractEnvReads(language, lexed.tokens).map((fact) => `${fact.name}@${fact.line}:${fact.column} ${fact.strict ? 'strict' : fact.hasDefault ? `default=${fact.defaultValue}` : 'no-default'}`);
}

describe('Python env reads', () => {
  it.each([
    ['os.environ[...] is strict', 'import os\nDB = os.environ["DATABASE_URL"]', ['DATABASE_URL@2:6 strict']],
    ['get without default', 'x = os.environ.get("REDIS_URL")', ['REDIS_URL@1:5 no-default']],
    ['get with default', 'x = os.environ.get("LOG_LEVEL", "info")', ['LOG_LEVEL@1:5 default=info']],
    ['get with None default', 'x = os.environ.get("SENTRY_DSN", None)', ['SENTRY_DSN@1:5 no-default']],
    ['getenv with numeric default', 'port = int(os.getenv("PORT", 8000))', ['PORT@1:12 default=8000']],
    ['getenv or fallback', 'host = os.getenv("HOST") or "0.0.0.0"', ['HOST@1:8 default=0.0.0.0']],
    ['environ[] or fallback', 'key = os.environ["API_KEY"] or compute()', ['API_KEY@1:7 default=<expression>']],
    ['setdefault', 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")', ['DJANGO_SETTINGS_MODULE@1:1 default=shop.settings']],
    ['from os import', 'from os import environ, getenv\nA = environ["A_KEY"]\nB = getenv("B_KEY", "b")', ['A_KEY@2:5 strict', 'B_KEY@3:5 default=b']],
    ['assignment is not a read', 'os.environ["TZ"] = "UTC"', []],
    ['del is not a read', 'del os.environ["QT_API"]\nfrom os import environ\ndel environ["TZ"]', []],
    ['a bare pop unsets, a pop whose value is kept reads', 'os.environ.pop("PYTEST_VERSION", None)\nold = os.environ.pop("OLD_TZ", None)\nif x:\n    os.environ.pop("LANG_X")', ['OLD_TZ@2:7 no-default']],
    ['WSGI environ is not os.environ', 'def app(environ, start_response):\n    path = environ["PATH_INFO"]', []],
    ['dynamic names are skipped', 'value = os.environ[name]', []],
    ['reads inside comments and strings do not count', '# os.environ["NOPE"]\ns = "os.getenv(\'NOPE\')"', []],
  ])('%s', (_name, source, expected) => {
    expect(reads('python', source)).toEqual(expected);
  });
});

describe('JS/TS env reads', () => {
  it.each([
    ['dot access', 'const url = process.env.DATABASE_URL;', ['DATABASE_URL@1:13 no-default']],
    ['bracket access', "const key = process.env['STRIPE_KEY'];", ['STRIPE_KEY@1:13 no-default']],
    ['|| fallback', 'const port = process.env.PORT || 3000;', ['PORT@1:14 default=3000']],
    ['?? fallback', "const level = process.env.LOG_LEVEL ?? 'info';", ['LOG_LEVEL@1:15 default=info']],
    ['destructuring with defaults and renames', "const { API_URL, TIMEOUT = '30', SECRET: secret } = process.env;", ['API_URL@1:9 no-default', 'TIMEOUT@1:18 default=30', 'SECRET@1:34 no-default']],
    ['import.meta.env', 'const api = import.meta.env.VITE_API_URL;', ['VITE_API_URL@1:13 no-default']],
    ['optional chaining', 'const x = process.env?.FEATURE_FLAG;', ['FEATURE_FLAG@1:11 no-default']],
    ['a property called env elsewhere is not process.env', 'const x = config.env.NODE_OPTIONS;', []],
    ['delete is not a read', 'delete process.env.FORCE_COLOR;\ndelete process.env["NO_COLOR"];', []],
  ])('%s', (_name, source, expected) => {
    expect(reads('javascript', source)).toEqual(expected);
  });
});

describe('shell env reads', () => {
  it.each([
    ['plain and braced', 'echo $APP_NAME\nexec gunicorn -b "0.0.0.0:${PORT}" app:app', ['APP_NAME@1:6 no-default', 'PORT@2:27 no-default']],
    ['defaults and required', 'W=${WORKERS:-2}\n: "${DATABASE_URL:?DATABASE_URL must be set}"', ['WORKERS@1:3 default=2', 'DATABASE_URL@2:4 strict']],
    ['variables the script sets itself are not reads', 'APP_DIR=/srv/app\ncd $APP_DIR\nexport MODE=prod\necho $MODE $HOME', []],
  ])('%s', (_name, source, expected) => {
    expect(reads('shell', source)).toEqual(expected);
  });
});
