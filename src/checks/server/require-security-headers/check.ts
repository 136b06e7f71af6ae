import { defineCheck } from '../../api.js';
import { moduleGraph } from '../../../facts/module-graph/module-graph.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';
import type { Project } from '../../../facts/project.js';
import type { ServiceObjectFact } from '../../../facts/service-types.js';

const HEADER_MIDDLEWARE = /^(?:helmet|@fastify\/helmet|fastify-helmet|lusca|koa-helmet|hono\/secure-headers)$/;

export const requireSecurityHeaders = defineCheck({
  meta: {
    id: 'server/require-security-headers',
    stage: 'scan',
    description: 'Require security-headers middleware (helmet or equivalent) on a public Express or Fastify app',
    severity: 'low',
    category: 'security',
    appliesWhen: 'an Express or Fastify app that the deployment starts',
  },
  appliesTo: (project) => publicApps(project).length > 0,
  run({ project, report }) {
    if (project.allFacts().some((facts) => !isNonProductionPath(facts.path) && (facts.source?.code?.imports ?? []).some((entry) => HEADER_MIDDLEWARE.test(entry.module)))) return;
    for (const { file, app } of publicApps(project)) {
      report({
        message: `The ${app.framework} app \`${app.name}\` is served without security headers (no helmet or equivalent): responses go out without Content-Security-Policy, Strict-Transport-Security, X-Content-Type-Options or frame protection, and with \`X-Powered-By: ${app.framework}\` announcing the stack.`,
        remediation: app.framework === 'Fastify' ? 'Register `@fastify/helmet` (`await app.register(helmet)`) before the routes.' : 'Add `app.use(helmet())` before the routes (and tune its Content-Security-Policy for your front end).',
        location: { file, line: app.line, column: app.column },
        fingerprintContent: `${app.framework}:${app.name}`,
      });
    }
  },
});

/** Express and Fastify apps in modules the deployment loads at start (or entry files). */
function publicApps(project: Project): Array<{ file: string; app: ServiceObjectFact }> {
  const loaded = moduleGraph(project).loadedAtStart;
  const found: Array<{ file: string; app: ServiceObjectFact }> = [];
  for (const facts of project.allFacts()) {
    if (isNonProductionPath(facts.path) || !loaded.has(facts.path)) continue;
    for (const app of facts.source?.service?.objects ?? []) {
      if (app.kind === 'app' && (app.framework === 'Express' || app.framework === 'Fastify')) found.push({ file: facts.path, app });
    }
  }
  return found;
}
