import { defineCheck } from '../../api.js';
import { type DeployContext, deployContexts } from '../../../facts/deploy-contexts.js';
import { describeBind } from '../bind-description.js';

export const requireRoutedPort = defineCheck({
  meta: {
    id: 'port/require-routed-port',
    stage: 'config',
    description: 'Require the app to listen on the port the deployment routes to ([[ports]] localPort, EXPOSE, internal_port, compose ports)',
    severity: 'critical',
    category: 'configuration',
    appliesWhen: 'a deployment that declares the port it routes to',
  },
  appliesTo: (project) => deployContexts(project).some((context) => context.routedPorts.length > 0),
  run({ project, report }) {
    const reported = new Set<string>();
    for (const context of deployContexts(project)) {
      const bind = context.bind;
      const routed = context.routedPorts[0];
      if (!bind || !routed || bind.port === undefined) continue;
      if (context.routedPorts.some((candidate) => candidate.port === bind.port)) continue;
      // Replit may set PORT itself: only a port fixed in the command or code is a sure mismatch.
      if (context.kind === 'replit' && !bind.isFixedPort) continue;
      const key = `${routed.location.file}:${routed.location.line}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const ports = [...new Set(context.routedPorts.map((candidate) => candidate.port))].join(', ');
      report({
        message: `${routed.label} in ${routed.location.file} says traffic goes to port ${ports}, but the app listens on ${bind.port} (${describeBind(bind)}), so ${consequence(context)}.`,
        remediation: bind.portEnv
          ? `Set ${bind.portEnv}=${routed.port} for this deployment, or change ${routed.label} to ${bind.port}.`
          : `Make the app listen on ${routed.port} (better: on $PORT, set to ${routed.port}), or change ${routed.label} to ${bind.port}.`,
        location: routed.location,
        related: [bind.location],
        severity: routed.label === 'EXPOSE' ? 'moderate' : 'critical',
        fingerprintContent: `${routed.label}:${ports}:${bind.port}`,
      });
    }
  },
});

function consequence(context: DeployContext): string {
  if (context.routedPorts[0]?.label === 'EXPOSE') return 'platforms that route to the exposed port (and anyone running the image by its EXPOSE) reach nothing';
  if (context.kind === 'replit') return 'the deployment forwards requests to a port nobody answers and fails its health check';
  if (context.label.startsWith('compose')) return 'requests to the published port reach nothing';
  return "the platform's proxy and health checks never reach the app, and it is restarted as unhealthy";
}
