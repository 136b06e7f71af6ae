import { defineCheck } from '../../api.js';
import { backendApps, backendRoutes, healthEndpoints } from '../../../facts/service/web-apps.js';

export const requireHealthEndpoint = defineCheck({
  meta: {
    id: 'health/require-health-endpoint',
    stage: 'map',
    description: 'Require a web service to expose a health (liveness) endpoint the platform can probe',
    severity: 'moderate',
    category: 'operations',
    appliesWhen: 'a backend web app (FastAPI, Flask, Django, aiohttp, Express, Fastify, Koa, Hono, NestJS, plain HTTP servers)',
  },
  appliesTo: (project) => backendApps(project).length > 0 || backendRoutes(project).length > 0,
  run({ project, report }) {
    const routes = backendRoutes(project);
    // A raw server that answers every path (no path is compared) answers the probe too.
    if (healthEndpoints(project).length > 0 || routes.some((route) => route.path === '*' || route.path.endsWith('/*'))) return;
    const app = backendApps(project)[0];
    const framework = app?.framework ?? routes[0]?.framework ?? 'web';
    const location = app ? { file: app.file, line: app.line } : { file: (routes[0] as { file: string }).file, line: (routes[0] as { line: number }).line };
    report({
      message: `The ${framework} service${app?.name && app.name !== '.' ? ` \`${app.name}\`` : ''} declares ${routes.length} route${routes.length === 1 ? '' : 's'} but no health endpoint (/health, /healthz, /livez, /ready, /ping...): the platform can only probe \`/\` or the open port, so an instance that is up but broken keeps receiving traffic and a bad deploy is not caught.`,
      remediation: 'Add a cheap `GET /health` that answers 200 without touching dependencies, and point the platform health check (healthCheckPath, http_service.checks, HEALTHCHECK, livenessProbe) at it.',
      location,
      fingerprintContent: `${framework}:${app?.name ?? ''}`,
    });
  },
});
