import type { CorsFact, DebugFlagFact, MemoryStateFact } from '../../service-types.js';
import { calleeOrigin } from './bindings.js';
import { type ServiceSource, argumentsOf, callsNamed, codeOf, importedOrNamed, keywordArguments, literalOf, objectKeys, objectValue, positionOf, scopeAt, textOf } from './service-source.js';

const TRUTHY_DEFAULT = /^(?:true|1|yes|on|y)$/i;

/** `app.run(debug=True)`, `uvicorn.run(..., reload=True)`, `app.debug = True`, Django `DEBUG = True` (or an env default of True). */
export function debugFlags(source: ServiceSource): DebugFlagFact[] {
  if (source.family !== 'python') return [];
  const found: DebugFlagFact[] = [];
  for (const call of callsNamed(source, 'run')) {
    const keywords = keywordArguments(source, argumentsOf(source, call));
    const debug = keywords.get('debug');
    const reload = keywords.get('reload') ?? keywords.get('use_reloader');
    const kind = debug && codeOf(source, debug) === 'True' ? 'debug-run' : reload && codeOf(source, reload) === 'True' ? 'reload-run' : undefined;
    if (kind) found.push({ kind, api: call.name, ...positionOf(source, call.start), scope: scopeAt(source, call.start) });
  }
  const { code } = source.masked;
  for (const match of code.matchAll(/^[ \t]*([A-Za-z_]\w*)(?:\.debug|\.config\[\s*(["'])DEBUG\2\s*\])\s*=\s*True\b/gm)) {
    const at = (match.index as number) + match[0].indexOf(match[1] as string);
    found.push({ kind: 'debug-config', api: `${match[1]}.debug`, ...positionOf(source, at), scope: scopeAt(source, at) });
  }
  const setting = djangoDebug(source);
  if (setting) found.push(setting);
  return found;
}

/** Django settings (a module that sets INSTALLED_APPS, MIDDLEWARE or ROOT_URLCONF): `DEBUG = True`, or DEBUG from the environment defaulting to true. */
function djangoDebug(source: ServiceSource): DebugFlagFact | undefined {
  const { code } = source.masked;
  if (!/^(?:INSTALLED_APPS|MIDDLEWARE|ROOT_URLCONF)\s*=/m.test(code)) return undefined;
  const match = /^DEBUG\s*(?::\s*bool\s*)?=\s*(.*)$/m.exec(code);
  if (!match) return undefined;
  const at = match.index as number;
  const position = positionOf(source, at);
  const value = (match[1] as string).trim();
  if (value === 'True') return { kind: 'debug-setting', api: 'DEBUG', ...position, scope: 'import' };
  const line = source.masked.text.slice(at, at + match[0].length);
  const read = source.source.envReads.find((candidate) => candidate.line === position.line);
  const isTrueByDefault = (read?.defaultValue !== undefined && TRUTHY_DEFAULT.test(read.defaultValue.replace(/^["']|["']$/g, ''))) || /!=\s*["'](?:false|0|no)["']/i.test(line) || /\bdefault\s*=\s*True\b/.test(line);
  return isTrueByDefault ? { kind: 'debug-setting', api: 'DEBUG', isEnvDefault: true, ...position, scope: 'import' } : undefined;
}

/** CORS that allows any origin and sends credentials. */
export function wildcardCors(source: ServiceSource): CorsFact[] {
  return source.family === 'python' ? pythonCors(source) : javascriptCors(source);
}

function pythonCors(source: ServiceSource): CorsFact[] {
  const found: CorsFact[] = [];
  for (const call of callsNamed(source, 'add_middleware', 'Middleware', 'CORS')) {
    const last = call.last;
    const args = argumentsOf(source, call);
    const keywords = keywordArguments(source, args);
    if ((last === 'add_middleware' || last === 'Middleware') && args[0] && /CORSMiddleware$/.test(codeOf(source, args[0]))) {
      const origins = keywords.get('allow_origins');
      const isAny = (origins && /["']\*["']/.test(textOf(source, origins))) || keywords.has('allow_origin_regex') && /["']\.\*["']/.test(textOf(source, keywords.get('allow_origin_regex') as { start: number; end: number }));
      const credentials = keywords.get('allow_credentials');
      if (isAny && credentials && codeOf(source, credentials) === 'True') found.push({ library: 'CORSMiddleware', origin: 'reflect', ...positionOf(source, call.start) });
    } else if (call.name === 'CORS' && source.bindings.get('CORS')?.module === 'flask_cors') {
      const credentials = keywords.get('supports_credentials');
      const origins = keywords.get('origins') ?? keywords.get('resources');
      const isAny = !origins || /["']\*["']/.test(textOf(source, origins));
      if (credentials && codeOf(source, credentials) === 'True' && isAny) found.push({ library: 'flask-cors', origin: 'reflect', ...positionOf(source, call.start) });
    }
  }
  const { code } = source.masked;
  const allowAll = /^(?:CORS_ALLOW_ALL_ORIGINS|CORS_ORIGIN_ALLOW_ALL)\s*=\s*True\b/m.exec(code);
  if (allowAll && /^CORS_ALLOW_CREDENTIALS\s*=\s*True\b/m.test(code)) found.push({ library: 'django-cors-headers', origin: 'reflect', ...positionOf(source, allowAll.index as number) });
  return found;
}

function javascriptCors(source: ServiceSource): CorsFact[] {
  const found: CorsFact[] = [];
  for (const call of importedOrNamed(source, 'register')) {
    const origin = calleeOrigin(source.bindings, call.name);
    const args = argumentsOf(source, call);
    const isCorsCall = origin !== undefined && /^(?:cors|hono\/cors)$/.test(origin.module) && /^(?:default|cors)$/.test(origin.member);
    const isRegister = call.last === 'register' && args[0] !== undefined && source.bindings.get(codeOf(source, args[0]))?.module === '@fastify/cors';
    if (!isCorsCall && !isRegister) continue;
    const options = isRegister ? args[1] : args[0];
    if (!options || source.masked.code.charCodeAt(options.start) !== 123) continue;
    if (!/^true$/.test(objectValue(source, options, 'credentials') ?? '')) continue;
    const value = objectValue(source, options, 'origin');
    const library = isRegister ? '@fastify/cors' : (origin?.module ?? 'cors');
    if (value === undefined || /^["'`]\*["'`]$/.test(value)) found.push({ library, origin: 'wildcard', ...positionOf(source, call.start) });
    else if (value === 'true') found.push({ library, origin: 'reflect', ...positionOf(source, call.start) });
  }
  return found;
}

/** Sessions and rate limits kept in the process: express-session, express-rate-limit, @fastify/rate-limit, flask-limiter, slowapi, flask-session. */
export function memoryState(source: ServiceSource): MemoryStateFact[] {
  const found: MemoryStateFact[] = [];
  for (const call of source.family === 'python' ? callsNamed(source, 'Limiter') : importedOrNamed(source, 'register')) {
    const origin = calleeOrigin(source.bindings, call.name);
    if (source.family === 'python') {
      if (call.last !== 'Limiter' || !origin || !/^(?:flask_limiter|slowapi)/.test(origin.module)) continue;
      const storage = keywordArguments(source, argumentsOf(source, call)).get('storage_uri');
      const uri = literalOf(source, storage);
      if (!storage || (uri !== undefined && uri.startsWith('memory://'))) found.push({ library: origin.module.startsWith('slowapi') ? 'slowapi' : 'flask-limiter', purpose: 'rate-limit', ...positionOf(source, call.start) });
      continue;
    }
    const args = argumentsOf(source, call);
    const isRegister = call.last === 'register' && args[0] !== undefined && source.bindings.get(codeOf(source, args[0]))?.module === '@fastify/rate-limit';
    const library = isRegister ? '@fastify/rate-limit' : origin && /^(?:default|rateLimit|session)$/.test(origin.member) ? origin.module : undefined;
    if (library !== 'express-session' && library !== 'express-rate-limit' && library !== '@fastify/rate-limit') continue;
    const keys = objectKeys(source, isRegister ? args[1] : args[0]);
    if (keys === undefined || keys.includes('...') || keys.includes('store') || keys.includes('redis')) continue;
    found.push({ library, purpose: library === 'express-session' ? 'session' : 'rate-limit', ...positionOf(source, call.start) });
  }
  const sessionType = source.family === 'python' ? /^[ \t]*((?:SESSION_TYPE|\w+\.config\[\s*["']SESSION_TYPE["']\s*\])\s*=\s*(["'])(?:filesystem|cachelib)\2)/m.exec(source.masked.text) : null;
  const sessionAt = sessionType ? (sessionType.index as number) + sessionType[0].length - (sessionType[1] as string).length : -1;
  // The statement's first character is code (not inside a string or comment).
  if (sessionType && source.masked.code.charCodeAt(sessionAt) === source.masked.text.charCodeAt(sessionAt)) found.push({ library: 'flask-session', purpose: 'session', ...positionOf(source, sessionAt) });
  return found;
}
