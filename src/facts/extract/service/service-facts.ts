import type { ImportFact } from '../../code-types.js';
import type { ServiceFacts } from '../../service-types.js';
import type { SourceFacts } from '../../types.js';
import type { CodeExtraction } from '../code/python-code.js';
import { javascriptBindings, pythonBindings } from './bindings.js';
import { bodyReads } from './body-reads.js';
import { databaseEngines, databaseFallbacks, schemaCreates } from './data-access.js';
import { healthHandlers } from './health-handlers.js';
import { javascriptServiceRoutes } from './javascript-routes.js';
import { lifecycleHooks, migrationCalls, signalHandlers } from './lifecycle.js';
import { serviceMounts } from './mounts.js';
import { serviceObjects } from './objects.js';
import { pythonServiceRoutes } from './python-routes.js';
import { debugFlags, memoryState, wildcardCors } from './server-settings.js';
import type { ServiceSource } from './service-source.js';

/** Modules whose import makes a file worth the service passes (first dotted part for Python). */
const PYTHON_MODULES = new Set([
  'fastapi', 'starlette', 'flask', 'quart', 'django', 'aiohttp', 'http', 'celery', 'rq', 'apscheduler', 'sqlalchemy', 'sqlmodel',
  'flask_sqlalchemy', 'psycopg2', 'psycopg', 'pymysql', 'MySQLdb', 'mysql', 'signal', 'uvicorn', 'flask_cors', 'flask_limiter',
  'slowapi', 'dj_database_url', 'alembic', 'flask_migrate', 'corsheaders',
]);
const JAVASCRIPT_MODULES = new Set([
  'express', 'fastify', 'koa', '@koa/router', 'koa-router', 'hono', 'bullmq', 'node-cron', 'http', 'https', 'node:http', 'node:https',
  'cors', '@fastify/cors', 'express-session', 'express-rate-limit', '@fastify/rate-limit', 'pg', 'mysql', 'mysql2', 'mysql2/promise', 'knex', 'umzug',
]);
const JAVASCRIPT_PREFIXES = /^(?:hono\/|@nestjs\/|drizzle-orm\/)/;
const PYTHON_TRIGGER = /^(?:DEBUG|INSTALLED_APPS|CORS_\w+|SESSION_TYPE)\s*=|\.create_all\s*\(|\bjson\s*\.\s*loads\s*\(\s*request\b|\.(?:on_event|add_event_handler|include_router|register_blueprint)\s*\(|\.before_first_request\b/m;
const JAVASCRIPT_TRIGGER = /\b(?:req|request)\s*\.\s*(?:body\b|json\s*\(\s*\))|\bprocess\s*\.\s*(?:on|once|addListener|prependListener)\s*\(|\b(?:enableShutdownHooks|createTerminus)\s*\(|\.use\s*\(\s*["'`]/;
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(["'])use client\1/;

export interface ServiceExtraction {
  facts?: ServiceFacts;
  /** Lines the facts point at (for evidence snippets). */
  lines: number[];
}

/**
 * The service facts of one Python or JS/TS file, from what the code pre-pass already built (masked
 * text, call sites, scopes): no second parse. Files that use none of the libraries involved and
 * mention none of the triggers are skipped after one set lookup per import and one regex test.
 */
export function extractServiceFacts(family: 'python' | 'javascript', extraction: CodeExtraction, source: SourceFacts): ServiceExtraction {
  const { code, masked, passes } = extraction;
  const isClientComponent = family === 'javascript' && USE_CLIENT.test(masked.text.slice(0, 2000));
  const scope = passes?.python ?? passes?.javascript;
  if (!passes || !scope || !isRelevant(family, code.imports, masked.code, source)) return isClientComponent ? { facts: { isClientComponent: true }, lines: [] } : { lines: [] };
  const bindings = family === 'python' ? pythonBindings(code.imports, masked) : javascriptBindings(code.imports, masked);
  const context: ServiceSource = { family, masked, brackets: scope.structure.brackets, calls: passes.calls, code, source, passes, bindings };
  const objects = serviceObjects(context);
  const routes = family === 'python' ? pythonServiceRoutes(context) : javascriptServiceRoutes(context, objects);
  const body = bodyReads(context, [...code.routes, ...routes]);
  const facts: ServiceFacts = {};
  assign(facts, 'objects', objects);
  assign(facts, 'mounts', serviceMounts(context));
  assign(facts, 'routes', routes);
  assign(facts, 'hooks', lifecycleHooks(context));
  assign(facts, 'signalHandlers', signalHandlers(context));
  assign(facts, 'debugFlags', debugFlags(context));
  assign(facts, 'cors', wildcardCors(context));
  assign(facts, 'memoryState', memoryState(context));
  assign(facts, 'engines', databaseEngines(context));
  assign(facts, 'schemaCreates', schemaCreates(context));
  assign(facts, 'bodyReads', body.reads);
  assign(facts, 'validatedHandlers', body.validatedHandlers);
  assign(facts, 'healthHandlers', healthHandlers(context, [...code.routes, ...routes]));
  assign(facts, 'migrationCalls', migrationCalls(context));
  assign(facts, 'databaseFallbacks', databaseFallbacks(context));
  if (isClientComponent) facts.isClientComponent = true;
  return { ...(Object.keys(facts).length > 0 ? { facts } : {}), lines: factLines(facts) };
}

function isRelevant(family: 'python' | 'javascript', imports: readonly ImportFact[], code: string, source: SourceFacts): boolean {
  for (const fact of imports) {
    if (family === 'python' ? PYTHON_MODULES.has(fact.module.split('.')[0] as string) : JAVASCRIPT_MODULES.has(fact.module) || JAVASCRIPT_PREFIXES.test(fact.module)) return true;
  }
  if (source.envReads.some((read) => read.defaultValue !== undefined && /sqlite|^file:|\.db$|\.sqlite3?$/i.test(read.defaultValue))) return true;
  return (family === 'python' ? PYTHON_TRIGGER : JAVASCRIPT_TRIGGER).test(code);
}

function assign<K extends keyof ServiceFacts>(facts: ServiceFacts, key: K, value: ServiceFacts[K] & unknown[]): void {
  if (value.length > 0) facts[key] = value;
}

function factLines(facts: ServiceFacts): number[] {
  const lines: number[] = [];
  const groups = [facts.objects, facts.mounts, facts.routes, facts.hooks, facts.signalHandlers, facts.debugFlags, facts.cors, facts.memoryState, facts.engines, facts.schemaCreates, facts.bodyReads, facts.healthHandlers, facts.migrationCalls, facts.databaseFallbacks];
  for (const group of groups) for (const fact of group ?? []) lines.push(fact.line);
  for (const handler of facts.healthHandlers ?? []) if (handler.failureLine !== undefined) lines.push(handler.failureLine);
  for (const fallback of facts.databaseFallbacks ?? []) if (fallback.guardLine !== undefined) lines.push(fallback.guardLine);
  return lines;
}
