import { defineCheck } from '../../api.js';
import { isRouted, manifestHealthPaths } from '../../../facts/service/manifest-health.js';
import { routeTable } from '../../../facts/service/route-table.js';
import { backendApps } from '../../../facts/service/web-apps.js';

export const noUnroutedHealthPath = defineCheck({
  meta: {
    id: 'health/no-unrouted-health-path',
    stage: 'config',
    description: 'Disallow health check paths in deployment manifests that match no route of the app',
    severity: 'critical',
    category: 'configuration',
    appliesWhen: 'a manifest that names a health check path, and a route table',
  },
  appliesTo: (project) => manifestHealthPaths(project).length > 0 && routeTable(project).length > 0 && (backendApps(project).length > 0 || routeTable(project).some((route) => route.framework === 'Next.js')),
  run({ project, report }) {
    for (const probe of manifestHealthPaths(project)) {
      if (isRouted(project, probe.path)) continue;
      const consequence = probe.isPlatform
        ? 'the platform gets 404 from every new instance, marks the deploy as failed and keeps restarting it (or never switches traffic to it)'
        : 'Docker marks the container unhealthy, and whatever waits for it (`depends_on: condition: service_healthy`, Swarm, a load balancer reading Docker health) never sends it traffic';
      report({
        message: `The ${probe.source} probes \`${probe.path}\`, but no route of the app answers it: ${consequence}.`,
        remediation: `Point the health check at a route the app declares (${healthLike(project)}), or add a \`GET ${probe.path}\` route that answers 200.`,
        location: { file: probe.file, line: probe.line, ...(probe.column !== undefined ? { column: probe.column } : {}) },
        severity: probe.isPlatform ? 'critical' : 'moderate',
        fingerprintContent: `${probe.source}:${probe.path}`,
      });
    }
  },
});

function healthLike(project: Parameters<typeof routeTable>[0]): string {
  const candidates = routeTable(project).filter((route) => /health|live|ready|ping|status/i.test(route.path));
  return candidates.length > 0 ? `for example \`${candidates[0]?.path}\`` : 'none looks like a health route yet';
}
