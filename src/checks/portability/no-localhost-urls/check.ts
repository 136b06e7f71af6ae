import { defineCheck } from '../../api.js';
import { parseHostLiteral } from '../../../facts/network-literals.js';
import { isHarmlessNetworkLiteral } from '../../../facts/network-usage.js';
import { isDevToolConfigPath, isNonProductionPath } from '../../../facts/path-roles.js';
import type { FileFacts, LiteralFact } from '../../../facts/types.js';

/** Data services whose client is handed a host: `redis.Redis(host="localhost")`, `DB_HOST = "127.0.0.1"`. */
const SERVICE = /db|database|redis|mongo|postgres|pg|mysql|maria|rabbit|amqp|broker|cache|smtp|mail|elastic|kafka|memcache|celery|queue|nats|minio/i;

export const noLocalhostUrls = defineCheck({
  meta: {
    id: 'portability/no-localhost-urls',
    stage: 'scan',
    description: 'Disallow hardcoded localhost/127.0.0.1 addresses of other services (API URLs, database and cache hosts) in deployed code',
    severity: 'moderate',
    category: 'portability',
  },
  run({ project, report }) {
    for (const facts of project.allFacts()) {
      if (!facts.source || facts.kind === 'shell' || isNonProductionPath(facts.path) || isDevToolConfigPath(facts.path)) continue;
      for (const literal of facts.source.literals) {
        if (!isServiceAddress(literal) || isHarmlessNetworkLiteral(literal)) continue;
        const host = parseHostLiteral(literal.value);
        if (!host) continue;
        const where = host.port && host.port !== '{}' ? `${host.host}, port ${host.port}` : host.host;
        report({
          message: `"${truncate(literal.value)}" points at the machine the code runs on (${where}): deployed, that is the app's own container (or, in browser code, the visitor's computer), where that service is not running, so every call fails with "connection refused".`,
          remediation: remediation(facts, literal),
          location: { file: facts.path, line: literal.line, column: literal.column },
          fingerprintContent: literal.value,
        });
      }
    }
  },
});

/** A loopback URL, or a bare `localhost` handed to a data-service client (never a server's own bind address). */
function isServiceAddress(literal: LiteralFact): boolean {
  if (literal.tags.includes('loopback-url')) return true;
  if (!literal.tags.includes('loopback-host')) return false;
  const isHostSlot = literal.target === undefined || /host|server|addr/i.test(literal.target);
  return (literal.callee !== undefined && SERVICE.test(literal.callee) && isHostSlot) || (literal.target !== undefined && SERVICE.test(literal.target) && /host|server|addr|url/i.test(literal.target));
}

function remediation(facts: FileFacts, literal: LiteralFact): string {
  const name = (literal.target ?? literal.container ?? 'SERVICE_URL').replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
  const read = facts.kind === 'python' ? `os.environ.get("${name}", "${literal.value}")` : `process.env.${name} ?? '${literal.value}'`;
  return `Read the address from an environment variable set per environment, keeping the local value only as the fallback: ${truncate(read, 120)}.`;
}

function truncate(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max - 3)}...` : value;
}
