import { lastPart } from '../../../parsers/code/call-sites.js';
import type { DatabaseFallbackFact, EngineFact, PositionedScope } from '../../service-types.js';
import { calleeOrigin } from './bindings.js';
import { type ServiceSource, argumentsOf, callsNamed, isConditionalAt, keywordArguments, literalOf, objectKeys, positionOf, positionalArguments, scopeAt, textOf } from './service-source.js';

const PYTHON_CONNECTIONS = /^(?:psycopg2|psycopg|pymysql|MySQLdb|mysql\.connector)\.connect$/;
const JAVASCRIPT_CONNECTIONS: Array<{ module: RegExp; member: RegExp }> = [
  { module: /^pg$/, member: /^(?:default\.)?Client$/ },
  { module: /^mysql2?(?:\/promise)?$/, member: /^(?:default\.)?createConnection$/ },
];
const DATABASE_VARIABLE = /(?:^|_)(?:DATABASE|DB|POSTGRES|POSTGRESQL|PG|MYSQL|SQLALCHEMY_DATABASE)(?:_|$)|^DSN$/i;
const LOCAL_DATABASE = /^(?:sqlite|file:)|\.(?:db|sqlite3?)$/i;

/** Database engines and single shared connections: `create_engine(url, ...)`, `psycopg2.connect(...)`, pg `new Client()`. */
export function databaseEngines(source: ServiceSource): EngineFact[] {
  const found: EngineFact[] = [];
  for (const call of callsNamed(source, 'create_engine', 'create_async_engine', 'connect', 'Client', 'createConnection')) {
    const last = call.last;
    if (source.family === 'python' && (last === 'create_engine' || last === 'create_async_engine')) found.push(pythonEngine(source, call.name, call.start, call.paren));
    else if (source.family === 'python' && PYTHON_CONNECTIONS.test(call.name)) found.push(connection(source, call.name, call.start));
    else if (source.family === 'javascript' && isJavaScriptConnection(source, call.name, call.start)) found.push(connection(source, call.name, call.start));
  }
  return found;
}

function pythonEngine(source: ServiceSource, api: string, start: number, paren: number): EngineFact {
  const args = argumentsOf(source, { name: api, start, paren });
  const keywords = keywordArguments(source, args);
  const url = positionalArguments(source, args)[0] ?? keywords.get('url');
  const literal = literalOf(source, url);
  const urlText = url ? textOf(source, url) : '';
  const database = literal !== undefined ? (LOCAL_DATABASE.test(literal) ? 'sqlite' : 'server') : /sqlite/i.test(urlText) || keywords.has('connect_args') && /check_same_thread/.test(textOf(source, keywords.get('connect_args') as { start: number; end: number })) ? 'sqlite' : 'unknown';
  const fact: EngineFact = { kind: 'engine', api, options: [...keywords.keys()], database, ...positionOf(source, start), scope: scopeAt(source, start) };
  if (args.some((arg) => source.masked.code.startsWith('**', arg.start))) fact.hasOpaqueOptions = true;
  return fact;
}

function isJavaScriptConnection(source: ServiceSource, name: string, start: number): boolean {
  if (lastPart(name) !== 'Client' && lastPart(name) !== 'createConnection') return false;
  const origin = calleeOrigin(source.bindings, name);
  return origin !== undefined && JAVASCRIPT_CONNECTIONS.some((entry) => entry.module.test(origin.module) && entry.member.test(origin.member)) && (lastPart(name) !== 'Client' || /\bnew\s+$/.test(source.masked.code.slice(Math.max(0, start - 8), start)));
}

function connection(source: ServiceSource, api: string, start: number): EngineFact {
  const args = argumentsOf(source, { name: api, start, paren: source.masked.code.indexOf('(', start) });
  const options = source.family === 'python' ? [...keywordArguments(source, args).keys()] : (objectKeys(source, args[0]) ?? []);
  return { kind: 'connection', api, options, database: 'server', ...positionOf(source, start), scope: scopeAt(source, start) };
}

/** `Base.metadata.create_all(engine)`, `db.create_all()`: tables created from the models. */
export function schemaCreates(source: ServiceSource): PositionedScope[] {
  const found: PositionedScope[] = [];
  for (const call of callsNamed(source, 'create_all')) {
    if (call.name === 'create_all') continue;
    found.push({ ...positionOf(source, call.start), scope: scopeAt(source, call.start), ...(isConditionalAt(source, call.start) ? { isConditional: true } : {}) });
  }
  return found;
}

/**
 * A database URL read from the environment with a local-file fallback (`os.getenv("DATABASE_URL",
 * "sqlite:///app.db")`, `dj_database_url.config(default="sqlite:///...")`, `process.env.DATABASE_URL ||
 * 'file:./dev.db'`), and the guard that refuses it in production when the file has one.
 */
export function databaseFallbacks(source: ServiceSource): DatabaseFallbackFact[] {
  const found: DatabaseFallbackFact[] = [];
  for (const read of source.source.envReads) {
    if (!DATABASE_VARIABLE.test(read.name) || read.defaultValue === undefined || !LOCAL_DATABASE.test(read.defaultValue)) continue;
    found.push({ variable: read.name, fallback: read.defaultValue, line: read.line, column: read.column });
  }
  for (const call of callsNamed(source, 'config', 'parse')) {
    if (!/^dj_database_url\.(?:config|parse)$/.test(call.name)) continue;
    const fallback = literalOf(source, keywordArguments(source, argumentsOf(source, call)).get('default'));
    if (fallback !== undefined && LOCAL_DATABASE.test(fallback)) found.push({ variable: 'DATABASE_URL', fallback, ...positionOf(source, call.start) });
  }
  if (found.length === 0) return found;
  const guard = productionGuard(source);
  return guard === undefined ? found : found.map((fallback) => ({ ...fallback, guardLine: guard }));
}

const GUARD = /\b(?:if|assert)\b[^\n]*\b(?:production|prod|PRODUCTION|PROD|is_production|isProduction|IS_PRODUCTION|sqlite)\b[^\n]*(?:\n[^\n]*){0,3}?\b(?:raise|throw|sys\.exit|process\.exit|ImproperlyConfigured)\b|\bassert\b[^\n]*\bsqlite\b/;

/** A conditional raise/exit that mentions production or sqlite: the app refuses to run on the fallback. */
function productionGuard(source: ServiceSource): number | undefined {
  const match = GUARD.exec(source.masked.text);
  return match ? positionOf(source, match.index as number).line : undefined;
}
