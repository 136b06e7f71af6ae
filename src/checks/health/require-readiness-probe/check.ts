import { defineCheck } from '../../api.js';
import { isReadinessPath } from '../../../facts/service/health-paths.js';
import { backendApps, dependencyModules, healthEndpoints } from '../../../facts/service/web-apps.js';

export const requireReadinessProbe = defineCheck({
  meta: {
    id: 'health/require-readiness-probe',
    stage: 'map',
    description: 'Require a readiness endpoint separate from liveness when the service depends on a database or another backing service',
    severity: 'low',
    category: 'operations',
    appliesWhen: 'a backend web app with a health endpoint that depends on a database, cache or other backing service',
  },
  appliesTo: (project) => backendApps(project).length > 0 && healthEndpoints(project).length > 0 && dependencyModules(project).length > 0,
  run({ project, report }) {
    const endpoints = healthEndpoints(project);
    if (endpoints.some((endpoint) => isReadinessPath(endpoint.path))) return;
    const dependency = dependencyModules(project)[0] as { path: string; layer: string; reason: string };
    const probe = endpoints[0] as (typeof endpoints)[number];
    const handler = project.facts(probe.file)?.source?.service?.healthHandlers?.find((candidate) => candidate.line === probe.line);
    const what = dependency.layer === 'memory' ? 'a cache or session store' : 'a database';
    const consequence = handler?.checksDependency
      ? `\`${probe.path}\` checks it, so used as the liveness probe it restarts every healthy instance during a ${dependency.layer === 'memory' ? 'cache' : 'database'} outage (a restart loop that fixes nothing)`
      : `\`${probe.path}\` answers without checking it, so during an outage (or before the pool is ready at start) the platform keeps routing traffic to instances that can only fail`;
    report({
      message: `The service depends on ${what} (${dependency.path}: ${dependency.reason}) but has one kind of probe: ${consequence}.`,
      remediation: 'Keep the liveness probe cheap (`/health` or `/livez`) and add `/ready` (or `/readyz`) that checks the dependency and answers 503 when it is down; point the readiness check (or the platform health check) at it.',
      location: { file: probe.file, line: probe.line },
      related: [{ file: dependency.path, line: 1 }],
      fingerprintContent: probe.path,
    });
  },
});
