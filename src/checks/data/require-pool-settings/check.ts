import { defineCheck } from '../../api.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';
import type { Project } from '../../../facts/project.js';
import type { EngineFact } from '../../../facts/service-types.js';

const POOL_OPTIONS = new Set(['pool_pre_ping', 'pool_recycle', 'pool_size', 'max_overflow', 'poolclass', 'pool_timeout', 'pool_use_lifo']);
/** Drivers for server databases: an engine whose URL comes from a variable is one of these when they are declared. */
const SERVER_DRIVERS = /^(?:psycopg2(?:-binary)?|psycopg(?:\[.*\])?|psycopg-binary|asyncpg|pg8000|pymysql|mysqlclient|mysql-connector-python|aiomysql|asyncmy|mariadb)$/i;

export const requirePoolSettings = defineCheck({
  meta: {
    id: 'data/require-pool-settings',
    stage: 'scan',
    description: 'Require pool settings on Postgres/MySQL engines, and a pool instead of one connection shared by the whole process',
    severity: 'moderate',
    category: 'reliability',
  },
  run({ project, report }) {
    const hasServerDriver = declaresServerDriver(project);
    for (const facts of project.allFacts()) {
      if (isNonProductionPath(facts.path)) continue;
      for (const engine of facts.source?.service?.engines ?? []) {
        const finding = judge(engine, hasServerDriver);
        if (finding) report({ ...finding, location: { file: facts.path, line: engine.line, column: engine.column }, fingerprintContent: `${engine.kind}:${engine.api}` });
      }
    }
  },
});

function judge(engine: EngineFact, hasServerDriver: boolean): { message: string; remediation: string } | undefined {
  if (engine.kind === 'connection') {
    if (engine.scope !== 'import') return undefined;
    return {
      message: `\`${engine.api}(...)\` opens one database connection when the module is imported, and the whole process shares it: concurrent requests interleave on it (or serialize behind it), and when the database restarts or drops the idle connection every later query fails until the process is restarted.`,
      remediation: 'Use a pool (SQLAlchemy `create_engine(url, pool_pre_ping=True)`, psycopg `ConnectionPool`, pg `new Pool()`, mysql2 `createPool()`) and take a connection per request or job.',
    };
  }
  const isServer = engine.database === 'server' || (engine.database === 'unknown' && hasServerDriver);
  if (!isServer || engine.hasOpaqueOptions || engine.options.some((option) => POOL_OPTIONS.has(option))) return undefined;
  return {
    message: `\`${engine.api}(...)\` creates a Postgres/MySQL engine with the default pool and no \`pool_pre_ping\` or \`pool_recycle\`: after a database restart, a failover or the server closing idle connections, requests fail with "server closed the connection unexpectedly" / "MySQL server has gone away" until every stale connection has been used once.`,
    remediation: 'Pass pool settings sized for your database limit and instance count: `create_engine(url, pool_pre_ping=True, pool_recycle=300, pool_size=5, max_overflow=10)`.',
  };
}

function declaresServerDriver(project: Project): boolean {
  return project.manifests('python-dependencies').some(({ manifest }) => manifest.dependencies.some((dependency) => SERVER_DRIVERS.test(dependency.name)));
}
