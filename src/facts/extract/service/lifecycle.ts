import type { LifecycleHookFact, PositionedScope, SignalHandlerFact } from '../../service-types.js';
import { type ServiceSource, argumentsOf, callsNamed, isConditionalAt, literalOf, positionOf, scopeAt } from './service-source.js';

const ON_EVENT = /@\s*([\w.]+)\.on_event\s*\(/g;
const BEFORE_FIRST = /@\s*([\w.]+)\.before_first_request\b/g;
const PYTHON_SIGNAL = /\b(?:signal\.)?signal\s*\(\s*(?:signal\.)?(?:Signals\.)?(SIGTERM|SIGINT)\b|\badd_signal_handler\s*\(\s*(?:signal\.)?(?:Signals\.)?(SIGTERM|SIGINT)\b/g;
const JAVASCRIPT_SIGNAL = /\bprocess\s*\.\s*(?:on|once|addListener|prependListener)\s*\(\s*(['"`])(SIGTERM|SIGINT)\1/g;
const SHUTDOWN_LIBRARIES = /\b(?:enableShutdownHooks|createTerminus|createLightship|GracefulShutdown)\s*\(/g;

/** Startup/shutdown hooks: `@app.on_event("startup")`, `app.add_event_handler("shutdown", f)`, `@app.before_first_request`. */
export function lifecycleHooks(source: ServiceSource): LifecycleHookFact[] {
  if (source.family !== 'python') return [];
  const hooks: LifecycleHookFact[] = [];
  const { code } = source.masked;
  for (const match of code.matchAll(ON_EVENT)) {
    const paren = (match.index as number) + match[0].length - 1;
    const event = eventOf(literalOf(source, argumentsOf(source, { name: 'on_event', start: match.index as number, paren })[0]));
    hooks.push({ kind: 'on_event', event, owner: match[1] as string, ...positionOf(source, match.index as number) });
  }
  for (const match of code.matchAll(BEFORE_FIRST)) hooks.push({ kind: 'before_first_request', event: 'startup', owner: match[1] as string, ...positionOf(source, match.index as number) });
  for (const call of callsNamed(source, 'add_event_handler')) {
    const event = eventOf(literalOf(source, argumentsOf(source, call)[0]));
    hooks.push({ kind: 'add_event_handler', event, owner: call.name.slice(0, -'.add_event_handler'.length), ...positionOf(source, call.start) });
  }
  return hooks.sort((a, b) => a.line - b.line);
}

function eventOf(value: string | undefined): LifecycleHookFact['event'] {
  return value === 'startup' || value === 'shutdown' ? value : 'other';
}

/** Where the code installs a SIGTERM/SIGINT handler (or a library that does: NestJS shutdown hooks, terminus). */
export function signalHandlers(source: ServiceSource): SignalHandlerFact[] {
  const found: SignalHandlerFact[] = [];
  const { code, text } = source.masked;
  if (source.family === 'python') {
    for (const match of code.matchAll(PYTHON_SIGNAL)) found.push({ signal: (match[1] ?? match[2]) as string, ...positionOf(source, match.index as number) });
    return found;
  }
  if (/\bprocess\s*\.\s*(?:on|once|addListener|prependListener)\s*\(/.test(code)) {
    for (const match of text.matchAll(JAVASCRIPT_SIGNAL)) {
      if (code.startsWith('process', match.index as number)) found.push({ signal: match[2] as string, ...positionOf(source, match.index as number) });
    }
  }
  for (const match of code.matchAll(SHUTDOWN_LIBRARIES)) found.push({ signal: 'shutdown-hooks', ...positionOf(source, match.index as number) });
  return found;
}

const MIGRATION_CALLS = /^(?:command\.upgrade|alembic\.command\.upgrade|flask_migrate\.upgrade|migrate\.latest|\w+\.migrate\.latest|umzug\.up|migrator\.up)$/;

/** Code that applies migrations when it runs: alembic/flask-migrate `upgrade`, Django `call_command("migrate")`, knex `migrate.latest()`, drizzle `migrate()`. */
export function migrationCalls(source: ServiceSource): PositionedScope[] {
  const found: PositionedScope[] = [];
  for (const call of callsNamed(source, 'upgrade', 'call_command', 'latest', 'up', 'migrate')) {
    const last = call.last;
    const isMigration =
      MIGRATION_CALLS.test(call.name) ||
      (last === 'upgrade' && ['flask_migrate', 'alembic.command', 'alembic'].includes(source.bindings.get(call.name.split('.')[0] as string)?.module ?? '')) ||
      (last === 'call_command' && literalOf(source, argumentsOf(source, call)[0]) === 'migrate') ||
      (call.name === 'migrate' && /migrator$/.test(source.bindings.get('migrate')?.module ?? ''));
    if (!isMigration) continue;
    found.push({ ...positionOf(source, call.start), scope: scopeAt(source, call.start), ...(isConditionalAt(source, call.start) ? { isConditional: true } : {}) });
  }
  return found;
}
