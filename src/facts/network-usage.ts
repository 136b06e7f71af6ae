import type { LiteralFact } from './types.js';

/**
 * Judgements shared by the network-literal checks: is this literal an address the deployed code
 * will connect to, or a value nobody dials (a log line, an allowlist, an overridable default)?
 */

const LOGGING_CALLEE = /^(?:print|console\.\w+|(?:\w+\.)*(?:log|logger|logging)\.\w+|(?:\w+\.)*(?:debug|info|warn|warning|error|exception|critical)|echo|click\.echo|(?:\w+\.)?secho)$/;
/** Functions that read an environment variable: a literal argument is its fallback (the first one is the name). */
const ENV_READ_CALLEE = /(?:^|\.)(?:getenv|environ\.get|environ\.setdefault|env\.get)$/;
/** Lists of origins or networks that are allowed: a dev entry there connects to nothing. */
const ALLOWLIST = /cors|origin|allow|trust|whitelist|allowlist|csrf|internal_ips|proxies|cidr|subnet|network|exclude|ignore|no_proxy/i;

/** True when a network literal is only printed, listed as allowed, or a default the deployment overrides. */
export function isHarmlessNetworkLiteral(literal: LiteralFact): boolean {
  if (literal.isEnvDefault || literal.isParameterDefault || literal.isDevBranch || literal.isCompared) return true;
  // The fallback argument of an environment read: `os.environ.get("API_URL", f"http://localhost:{port}")`.
  if (literal.callee !== undefined && ENV_READ_CALLEE.test(literal.callee)) return true;
  if (literal.callee !== undefined && LOGGING_CALLEE.test(literal.callee)) return true;
  if (literal.target === 'default' && literal.callee !== undefined && /(?:add_argument|option|Option|Field|getenv|get)$/.test(literal.callee)) return true;
  if (literal.target !== undefined && /version/i.test(literal.target)) return true;
  return [literal.target, literal.container, literal.callee].some((name) => name !== undefined && ALLOWLIST.test(name));
}
