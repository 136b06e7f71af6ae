import type { ResolvedBind } from '../../facts/app-bind.js';

/** `gunicorn, from --bind`, `uvicorn's default`, `app.listen in server.js` for messages. */
export function describeBind(bind: ResolvedBind): string {
  const where = `${bind.location.file}:${bind.location.line}`;
  if (bind.portEnv) return `${bind.server} reads $${bind.portEnv}${bind.portFallback !== undefined ? ` (fallback ${bind.portFallback})` : ''} at ${where}`;
  if (bind.isDefaultPort) return `${bind.server}'s default port, ${where}`;
  return `${bind.server} at ${where}`;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|::1|ip6-localhost)$/i;

export function isLoopback(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK.test(host);
}
