/** Node.js core modules (without and with the `node:` prefix), plus runtime-provided specifiers. */
const NODE_BUILTINS = new Set([
  'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console', 'constants', 'crypto', 'dgram',
  'diagnostics_channel', 'dns', 'dns/promises', 'domain', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector',
  'inspector/promises', 'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks', 'process', 'punycode', 'querystring',
  'readline', 'readline/promises', 'repl', 'stream', 'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder', 'sys',
  'timers', 'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib',
  'test', 'sqlite', 'sea',
]);

/** `fs`, `node:fs/promises`, `bun:sqlite`: provided by the runtime, never installed. */
export function isRuntimeModule(specifier: string): boolean {
  if (/^(?:node|bun|deno|cloudflare|workers):/.test(specifier)) return true;
  return NODE_BUILTINS.has(specifier);
}

/** The npm package a bare specifier belongs to: `@scope/name/sub` -> `@scope/name`, `lodash/fp` -> `lodash`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}
