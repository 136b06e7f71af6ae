import type { ServiceObjectFact, ServiceObjectKind } from '../../service-types.js';
import { calleeOrigin } from './bindings.js';
import { type ServiceSource, argumentsOf, importedCalls, assignedName, keywordArguments, literalOf, objectKeys, objectValue, positionOf, scopeAt } from './service-source.js';

interface Factory {
  module: RegExp;
  member: RegExp;
  framework: string;
  kind: ServiceObjectKind;
}

/** Constructors and factories of framework objects, by the module they are imported from and the member called. */
const PYTHON_FACTORIES: Factory[] = [
  { module: /^fastapi(?:\.|$)/, member: /^(?:applications\.)?FastAPI$/, framework: 'FastAPI', kind: 'app' },
  { module: /^fastapi(?:\.|$)/, member: /^(?:routing\.)?APIRouter$/, framework: 'FastAPI', kind: 'router' },
  { module: /^starlette(?:\.|$)/, member: /^(?:applications\.)?Starlette$/, framework: 'Starlette', kind: 'app' },
  { module: /^flask$/, member: /^Flask$/, framework: 'Flask', kind: 'app' },
  { module: /^flask$/, member: /^Blueprint$/, framework: 'Flask', kind: 'router' },
  { module: /^quart$/, member: /^Quart$/, framework: 'Quart', kind: 'app' },
  { module: /^aiohttp(?:\.web)?$/, member: /^(?:web\.)?Application$/, framework: 'aiohttp', kind: 'app' },
  { module: /^aiohttp(?:\.web)?$/, member: /^(?:web\.)?RouteTableDef$/, framework: 'aiohttp', kind: 'router' },
  { module: /^celery$/, member: /^Celery$/, framework: 'Celery', kind: 'worker' },
  { module: /^rq$/, member: /^Queue$/, framework: 'RQ', kind: 'queue' },
  { module: /^rq$/, member: /^(?:Simple)?Worker$/, framework: 'RQ', kind: 'worker' },
  { module: /^apscheduler(?:\.|$)/, member: /^(?:schedulers\.\w+\.)?\w*Scheduler$/, framework: 'APScheduler', kind: 'scheduler' },
  { module: /^http(?:\.server)?$/, member: /^(?:server\.)?(?:Threading)?HTTPServer$/, framework: 'http.server', kind: 'server' },
];

const JAVASCRIPT_FACTORIES: Factory[] = [
  { module: /^express$/, member: /^default$/, framework: 'Express', kind: 'app' },
  { module: /^express$/, member: /^Router$/, framework: 'Express', kind: 'router' },
  { module: /^fastify$/, member: /^(?:default|fastify|Fastify)$/, framework: 'Fastify', kind: 'app' },
  { module: /^koa$/, member: /^default$/, framework: 'Koa', kind: 'app' },
  { module: /^(?:@koa\/router|koa-router)$/, member: /^default$/, framework: 'Koa', kind: 'router' },
  { module: /^hono(?:\/.*)?$/, member: /^Hono$/, framework: 'Hono', kind: 'app' },
  { module: /^@nestjs\/core$/, member: /^NestFactory\.create$/, framework: 'NestJS', kind: 'app' },
  { module: /^bullmq$/, member: /^Worker$/, framework: 'BullMQ', kind: 'worker' },
  { module: /^bullmq$/, member: /^Queue$/, framework: 'BullMQ', kind: 'queue' },
  { module: /^node-cron$/, member: /^schedule$/, framework: 'node-cron', kind: 'scheduler' },
  { module: /^(?:node:)?https?$/, member: /^createServer$/, framework: 'node:http', kind: 'server' },
];

/** Framework objects the file creates: apps, routers, workers, queues, schedulers, raw HTTP servers. */
export function serviceObjects(source: ServiceSource): ServiceObjectFact[] {
  const factories = source.family === 'python' ? PYTHON_FACTORIES : JAVASCRIPT_FACTORIES;
  const found: ServiceObjectFact[] = [];
  for (const call of importedCalls(source)) {
    const origin = calleeOrigin(source.bindings, call.name);
    if (!origin) continue;
    const factory = factories.find((candidate) => candidate.module.test(origin.module) && candidate.member.test(origin.member));
    if (!factory) continue;
    found.push(describeObject(source, call.start, call.paren, call.name, factory));
  }
  if (source.family === 'javascript') found.push(...invokedRequires(source));
  return found;
}

function describeObject(source: ServiceSource, start: number, paren: number, factory: string, spec: Factory): ServiceObjectFact {
  const args = argumentsOf(source, { name: factory, start, paren });
  const isNew = /\bnew\s+$/.test(source.masked.code.slice(Math.max(0, start - 8), start));
  const fact: ServiceObjectFact = { framework: spec.framework, kind: spec.kind, name: assignedName(source, isNew ? source.masked.code.lastIndexOf('new', start) : start), factory: isNew ? `new ${factory}` : factory, options: [], ...positionOf(source, start), scope: scopeAt(source, start) };
  if (source.family === 'python') {
    const keywords = keywordArguments(source, args);
    fact.options = [...keywords.keys()];
    const prefix = literalOf(source, keywords.get('prefix') ?? keywords.get('url_prefix'));
    if (prefix !== undefined) fact.prefix = prefix;
  } else {
    const options = args.find((arg) => source.masked.code.charCodeAt(arg.start) === 123);
    fact.options = objectKeys(source, options) ?? [];
    const prefix = options ? objectValue(source, options, 'prefix') : undefined;
    const literal = prefix ? /^["'`]([^"'`$]*)["'`]$/.exec(prefix)?.[1] : undefined;
    if (literal !== undefined) fact.prefix = literal;
  }
  return fact;
}

const INVOKED_REQUIRE = /\brequire\s*\(\s*(["'])(express|fastify|koa)\1\s*\)\s*\(/g;

/** `const app = require('express')()`, `const fastify = require('fastify')({ logger: true })`. */
function invokedRequires(source: ServiceSource): ServiceObjectFact[] {
  const found: ServiceObjectFact[] = [];
  const { text, code } = source.masked;
  if (!text.includes('require')) return found;
  for (const match of text.matchAll(INVOKED_REQUIRE)) {
    const start = match.index as number;
    if (!code.startsWith('require', start)) continue;
    const module = match[2] as string;
    const spec = JAVASCRIPT_FACTORIES.find((candidate) => candidate.module.test(module) && candidate.member.test('default')) as Factory;
    found.push(describeObject(source, start, start + match[0].length - 1, `require('${module}')`, spec));
  }
  return found;
}
