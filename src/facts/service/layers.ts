import type { FileFacts } from '../types.js';

/** The layers of the brief's map stage. */
export const LAYERS = ['ui', 'logic', 'data', 'routing', 'auth', 'automation', 'memory'] as const;
export type Layer = (typeof LAYERS)[number];

export const LAYER_TITLES: Record<Layer, string> = {
  ui: 'UI',
  logic: 'Logic',
  data: 'Data',
  routing: 'Routing',
  auth: 'Auth',
  automation: 'Automation agents',
  memory: 'Memory stores',
};

/** The title of a layer as reports show it (a name the map does not know is shown as it is). */
export function layerTitle(layer: string): string {
  return (LAYER_TITLES as Record<string, string>)[layer] ?? layer;
}

/** Packages (top-level import names; npm names and scopes) that put a module in a layer. */
export const PACKAGE_LAYERS: Record<Layer, RegExp> = {
  ui: /^(?:react|react-dom|vue|svelte|solid-js|preact|next\/(?:link|image|navigation|head|font\/.*)|@mui\/.*|@chakra-ui\/.*|@radix-ui\/.*|styled-components|@emotion\/.*|framer-motion|lucide-react|react-router-dom|@tanstack\/react-.*|streamlit|gradio|dash|tkinter|nicegui|panel|jinja2)$/,
  logic: /^(?:fastapi|flask|starlette|aiohttp|quart|sanic|rest_framework|django\.(?:http|views|shortcuts)|express|fastify|koa|hono|@nestjs\/(?:common|core)|next\/server)$/,
  data: /^(?:sqlalchemy|sqlmodel|flask_sqlalchemy|django\.db|peewee|tortoise|pymongo|motor|mongoengine|beanie|psycopg2?|asyncpg|pymysql|MySQLdb|mysql|sqlite3|databases|alembic|supabase|@prisma\/client|prisma|mongoose|mongodb|sequelize|typeorm|knex|drizzle-orm(?:\/.*)?|pg|mysql2(?:\/promise)?|better-sqlite3|@supabase\/supabase-js|firebase-admin|@planetscale\/database|@neondatabase\/serverless|kysely|objection)$/,
  routing: /^(?:django\.urls|django\.conf\.urls|http-proxy-middleware|http-proxy|express-http-proxy|@fastify\/http-proxy)$/,
  auth: /^(?:jwt|jose|passlib|bcrypt|argon2|authlib|flask_login|flask_jwt_extended|fastapi\.security|fastapi_users|django\.contrib\.auth|oauthlib|rest_framework_simplejwt|allauth|jsonwebtoken|passport(?:-.*)?|next-auth(?:\/.*)?|@auth\/.*|bcryptjs|@clerk\/.*|lucia|express-jwt|iron-session)$/,
  automation: /^(?:celery|rq|apscheduler|schedule|dramatiq|huey|arq|kombu|discord|telegram|aiogram|slack_bolt|tweepy|bullmq|bull|bee-queue|agenda|node-cron|cron|node-schedule|croner|discord\.js|telegraf|grammy|@slack\/bolt)$/,
  memory: /^(?:redis|aioredis|pymemcache|memcache|cachetools|diskcache|django\.core\.cache|flask_caching|aiocache|ioredis|@upstash\/redis|node-cache|lru-cache|memcached|keyv|cache-manager|connect-redis)$/,
};

const PATH_LAYERS: Array<[RegExp, Layer]> = [
  [/(?:^|\/)(?:components|ui|templates|static|public|frontend|client|styles|hooks|layouts)\//, 'ui'],
  [/(?:^|\/)(?:api|routes|routers|controllers|handlers|services|endpoints|resolvers|usecases)\/|(?:^|\/)views\.py$/, 'logic'],
  [/(?:^|\/)(?:models?|db|database|repositories|repository|migrations|entities|dao|orm|alembic)\/|(?:^|\/)(?:models|db|database|schema_db)\.[cm]?[jt]sx?$|(?:^|\/)(?:models|db|database)\.py$/, 'data'],
  [/(?:^|\/)urls\.py$|(?:^|\/)(?:proxy|gateway)\/|(?:^|\/)(?:src\/)?middleware\.[cm]?[jt]s$/, 'routing'],
  [/(?:^|\/)(?:auth|authentication|login|security)(?:\/|\.[a-z]+$)|(?:^|\/)(?:permissions|jwt)\.[a-z]+$/, 'auth'],
  [/(?:^|\/)(?:workers?|tasks|jobs|cron|schedulers?|bots?|agents?|queues?)(?:\/|\.[a-z]+$)|(?:^|\/)celery\.py$/, 'automation'],
  [/(?:^|\/)(?:cache|caching|sessions?)(?:\/|\.[a-z]+$)/, 'memory'],
];

const TIE_ORDER: readonly Layer[] = ['automation', 'auth', 'data', 'memory', 'routing', 'ui', 'logic'];

export interface LayerJudgement {
  /** The layer the module is drawn in. */
  layer: Layer;
  /** Every layer it shows signs of, strongest first. */
  layers: Layer[];
  /** Why, one short phrase per signal (`imports sqlalchemy`, `declares 3 routes`, `path models/`). */
  reasons: string[];
}

/** What a module declares, beyond its own facts (the route table and framework conventions are cross-file). */
export interface ModuleDeclarations {
  routes: number;
  isPage: boolean;
  /** Runs in the browser (see layer-violations.ts isClientSide). */
  isClientSide?: boolean;
}

/** Classifies a module into a layer from what it imports, declares and where it lives. Pure. */
export function classifyModule(facts: FileFacts, declarations: ModuleDeclarations): LayerJudgement {
  const scores = new Map<Layer, number>();
  const reasons: string[] = [];
  const add = (layer: Layer, weight: number, reason: string): void => {
    scores.set(layer, (scores.get(layer) ?? 0) + weight);
    reasons.push(reason);
  };
  importSignals(facts, add);
  for (const [pattern, layer] of PATH_LAYERS) {
    if (!pattern.test(facts.path)) continue;
    // A JS/TS `models/` or `db/` folder without a database import holds types and helpers, not data access.
    if (layer === 'data' && facts.kind !== 'python' && !hasDataEvidence(facts)) continue;
    add(layer, 2, `path ${facts.path.match(pattern)?.[0].replace(/^\//, '')}`);
  }
  declarationSignals(facts, declarations, add);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || TIE_ORDER.indexOf(a[0]) - TIE_ORDER.indexOf(b[0]));
  const layer = ranked[0]?.[0] ?? 'logic';
  return { layer, layers: ranked.length > 0 ? ranked.map(([name]) => name) : ['logic'], reasons: reasons.length > 0 ? reasons : ['no layer signal: application code'] };
}

function importSignals(facts: FileFacts, add: (layer: Layer, weight: number, reason: string) => void): void {
  const seen = new Set<Layer>();
  for (const entry of facts.source?.code?.imports ?? []) {
    if (entry.module.startsWith('.') || entry.isTypeOnly) continue;
    const name = packageName(entry.module, facts.kind === 'python');
    for (const layer of Object.keys(PACKAGE_LAYERS) as Layer[]) {
      if (seen.has(layer) || !PACKAGE_LAYERS[layer].test(name)) continue;
      seen.add(layer);
      add(layer, 2, `imports ${name}`);
    }
  }
}

function declarationSignals(facts: FileFacts, declarations: ModuleDeclarations, add: (layer: Layer, weight: number, reason: string) => void): void {
  const service = facts.source?.service;
  const code = facts.source?.code;
  if (declarations.isPage) add('ui', 3, 'a page');
  else if (declarations.routes > 0) add('logic', 4, `declares ${declarations.routes} route${declarations.routes === 1 ? '' : 's'}`);
  if (declarations.routes === 0 && !declarations.isPage && (service?.mounts ?? []).some((mount) => !mount.isOpaque)) add('routing', 3, 'mounts routers');
  const objects = service?.objects ?? [];
  if (objects.some((object) => object.kind === 'worker' || object.kind === 'scheduler' || object.kind === 'queue')) add('automation', 3, 'creates a worker, queue or scheduler');
  if ((service?.engines ?? []).length > 0 || (service?.schemaCreates ?? []).length > 0) add('data', 3, 'creates a database engine or tables');
  if (code?.loops.some((loop) => loop.isConstantTrue && loop.scope !== 'function')) add('automation', 2, 'runs a forever loop at the top level');
  if (service?.isClientComponent || code?.usesBrowserGlobals) add('ui', 2, service?.isClientComponent ? "'use client'" : 'uses browser globals');
  else if (declarations.isClientSide) add('ui', 3, 'part of a front-end package');
  if (/\.[jt]sx$/.test(facts.path)) add('ui', 1, 'JSX file');
}

/** Real evidence of data access: the module imports a database package (not only its types) or creates an engine, connection or tables. */
export function hasDataEvidence(facts: FileFacts): boolean {
  const service = facts.source?.service;
  if ((service?.engines ?? []).length > 0 || (service?.schemaCreates ?? []).length > 0) return true;
  return importsLayerPackage(facts, 'data');
}

/** The module imports (for real, not `import type`) a package of the layer. */
export function importsLayerPackage(facts: FileFacts, layer: Layer): boolean {
  return (facts.source?.code?.imports ?? []).some((entry) => !entry.module.startsWith('.') && !entry.isTypeOnly && PACKAGE_LAYERS[layer].test(packageName(entry.module, facts.kind === 'python')));
}

/** `sqlalchemy.orm` -> `sqlalchemy` (but `django.db`, `fastapi.security` keep two parts); `@prisma/client/x` -> `@prisma/client`. */
export function packageName(module: string, isPython: boolean): string {
  if (isPython) {
    const parts = module.split('.');
    const two = parts.slice(0, 2).join('.');
    return /^(?:django\.(?:db|urls|conf|contrib|core|http|views|shortcuts)|fastapi\.security)$/.test(two) ? (two === 'django.contrib' || two === 'django.conf' || two === 'django.core' ? parts.slice(0, 3).join('.') : two) : (parts[0] as string);
  }
  const parts = module.replace(/^node:/, '').split('/');
  if (module.startsWith('@')) return parts.slice(0, 2).join('/');
  return /^(?:next|drizzle-orm|mysql2|next-auth)$/.test(parts[0] as string) && parts[1] ? parts.slice(0, 2).join('/') : (parts[0] as string);
}
