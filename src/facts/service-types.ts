import type { CodeScope, RouteFact } from './code-types.js';

/**
 * Service facts of one Python or JS/TS file (issue 5, the map stage and the service checks): the
 * framework objects it creates, routes the code facts do not see, how routers are mounted,
 * lifecycle hooks, signal handlers, server settings, database engines, request-body reads and
 * health handlers. Plain JSON data, cached with the file's facts; positions are 1-based. Only files
 * that import a framework, a database or a server library (or mention one of a few triggers) are
 * examined, so most files carry none of this.
 */
export interface ServiceFacts {
  objects?: ServiceObjectFact[];
  mounts?: MountFact[];
  /** Routes declared in ways the code facts' decorator/`app.get` scan does not cover. */
  routes?: ServiceRouteFact[];
  hooks?: LifecycleHookFact[];
  signalHandlers?: SignalHandlerFact[];
  debugFlags?: DebugFlagFact[];
  cors?: CorsFact[];
  memoryState?: MemoryStateFact[];
  engines?: EngineFact[];
  schemaCreates?: PositionedScope[];
  bodyReads?: BodyReadFact[];
  /** JS: handler names registered with a validating middleware here (`router.post('/x', celebrate(...), createUser)`). */
  validatedHandlers?: string[];
  healthHandlers?: HealthHandlerFact[];
  /** Calls that apply database migrations from code (`alembic.command.upgrade`, `call_command("migrate")`, `knex.migrate.latest()`). */
  migrationCalls?: PositionedScope[];
  /** A database URL read with a local-file fallback, and a guard that refuses it in production. */
  databaseFallbacks?: DatabaseFallbackFact[];
  /** JS/TS: starts with the `'use client'` directive (a React client component). */
  isClientComponent?: boolean;
}

export interface Positioned {
  line: number;
  column: number;
}

export interface PositionedScope extends Positioned {
  scope: CodeScope;
  /** Under an if/try/loop of its scope. */
  isConditional?: boolean;
}

export type ServiceObjectKind = 'app' | 'router' | 'worker' | 'queue' | 'scheduler' | 'server';

/** `app = FastAPI(lifespan=...)`, `router = APIRouter(prefix="/items")`, `const app = express()`, `new Worker(...)`. */
export interface ServiceObjectFact extends Positioned {
  /** FastAPI, Starlette, Flask, Django, aiohttp, http.server, Express, Fastify, Koa, Hono, NestJS, Celery, RQ, APScheduler, BullMQ, node-cron, node:http. */
  framework: string;
  kind: ServiceObjectKind;
  /** The name it is assigned to ('' when it is not assigned). */
  name: string;
  /** The constructor or factory as written: `FastAPI`, `express`, `express.Router`, `new Koa`. */
  factory: string;
  /** Keyword arguments (Python) or option keys (JS) given to it: `lifespan`, `prefix`, `on_startup`. */
  options: string[];
  /** `APIRouter(prefix="/x")`, `Blueprint(..., url_prefix="/x")`, `new Router({ prefix: '/x' })`. */
  prefix?: string;
  scope: CodeScope;
}

/** A router or sub-application attached to another: `app.include_router(users.router, prefix="/users")`, `app.use('/api', api)`. */
export interface MountFact extends Positioned {
  /** The object it is attached to (`app`, `api_router`, `urlpatterns` for Django). */
  owner: string;
  /** The attached object as written (`users.router`, `apiRouter`), or the module of a Django `include("blog.urls")`. */
  target: string;
  prefix?: string;
  /** The import the target comes from (`from .routers import users` -> { module: '.routers', name: 'users' }), when it is imported. */
  targetImport?: { module: string; name: string };
  /** How: include_router, register_blueprint, mount, use, register, route, include, setGlobalPrefix. */
  via: string;
  /** Static files or a whole sub-application the route table cannot see into. */
  isOpaque?: boolean;
}

export interface ServiceRouteFact extends RouteFact {
  /** Django, aiohttp, http.server, NestJS, Fastify, Flask, node:http... */
  framework: string;
}

/** A startup or shutdown hook: `@app.on_event("startup")`, `app.add_event_handler(...)`, `@app.before_first_request`. */
export interface LifecycleHookFact extends Positioned {
  kind: 'on_event' | 'add_event_handler' | 'before_first_request';
  event: 'startup' | 'shutdown' | 'other';
  owner: string;
}

export interface SignalHandlerFact extends Positioned {
  /** SIGTERM, SIGINT, or `shutdown-hooks` for a library that installs them (NestJS enableShutdownHooks, terminus). */
  signal: string;
}

/** Debug or auto-reload switched on in code. */
export interface DebugFlagFact extends Positioned {
  /** debug-run: `app.run(debug=True)`; reload-run: `uvicorn.run(..., reload=True)`; debug-config: `app.debug = True`; debug-setting: Django `DEBUG = True` (or an env default of True). */
  kind: 'debug-run' | 'reload-run' | 'debug-config' | 'debug-setting';
  /** The call or assignment as written (`app.run`, `DEBUG`). */
  api: string;
  /** debug-setting: the value is a default of an environment read, not a literal. */
  isEnvDefault?: boolean;
  scope: CodeScope;
}

/** CORS allowing any origin together with credentials. */
export interface CorsFact extends Positioned {
  /** CORSMiddleware, flask-cors, django-cors-headers, cors, @fastify/cors, hono/cors. */
  library: string;
  /** wildcard: `*`; reflect: every origin is echoed back (`origin: true`, Starlette/flask-cors with credentials). */
  origin: 'wildcard' | 'reflect';
}

/** State kept in the process's memory that several replicas would not share. */
export interface MemoryStateFact extends Positioned {
  /** express-session, express-rate-limit, @fastify/rate-limit, flask-limiter, slowapi, flask-session. */
  library: string;
  /** session or rate-limit. */
  purpose: 'session' | 'rate-limit';
}

export interface EngineFact extends Positioned {
  /** engine: a pooled engine (create_engine); connection: one connection shared by the process (`psycopg2.connect`, pg `new Client`). */
  kind: 'engine' | 'connection';
  api: string;
  /** Keyword or option names given. */
  options: string[];
  /** What the URL says: sqlite/file, a server database, or unknown (a variable). */
  database: 'sqlite' | 'server' | 'unknown';
  hasOpaqueOptions?: boolean;
  scope: CodeScope;
}

/** A handler reading a request body. */
export interface BodyReadFact extends Positioned {
  /** `request.get_json()`, `request.json`, `json.loads(request.body)`, `req.body`, `request.json()`. */
  api: string;
  functionIndex: number;
  /** The same function passes it through a schema (pydantic, marshmallow, zod, joi...) or a validating decorator covers it. */
  isValidated: boolean;
}

/** A health route's handler, judged from its body. */
export interface HealthHandlerFact extends Positioned {
  path: string;
  /** The body names a failed state (`"degraded"`, `"unhealthy"`, `"down"`, `"error"`). */
  reportsFailure: boolean;
  /** Line of the first failure word. */
  failureLine?: number;
  /** The body sets a non-200 status, raises, or aborts somewhere. */
  setsFailureStatus: boolean;
  /** The body checks a dependency (database query, ping, connection test). */
  checksDependency: boolean;
}

export interface DatabaseFallbackFact extends Positioned {
  variable: string;
  /** The fallback as written (a file URL or path: never a secret). */
  fallback: string;
  /** Line of a guard that raises or exits in production when the fallback would be used. */
  guardLine?: number;
}
