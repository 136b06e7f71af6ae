import { defineCheck } from '../../api.js';
import { type DeployContext, deployContexts } from '../../../facts/deploy-contexts.js';
import { isLoopback } from '../bind-description.js';

export const noLoopbackBind = defineCheck({
  meta: {
    id: 'port/no-loopback-bind',
    stage: 'config',
    description: 'Disallow binding to 127.0.0.1/localhost in a container or PaaS deployment',
    severity: 'critical',
    category: 'configuration',
    appliesWhen: 'a container or PaaS deployment (Dockerfile, compose, fly, Procfile, railway, render, .replit)',
  },
  appliesTo: (project) => deployContexts(project).length > 0,
  run({ project, report }) {
    const reported = new Set<string>();
    for (const context of deployContexts(project)) {
      const bind = context.bind;
      if (!bind || !isLoopback(bind.host)) continue;
      const key = `${bind.location.file}:${bind.location.line}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const how = bind.isDefaultHost ? `${bind.server} binds ${bind.host} by default (no host is given)` : `${bind.server} binds ${bind.host}`;
      report({
        message: `${how} here, and ${context.label} runs it ${where(context)}, where ${bind.host} accepts connections only from inside; the platform's router cannot reach it.`,
        remediation: bind.isDefaultHost ? `Give the host explicitly: \`--host 0.0.0.0\` (uvicorn, flask run), \`--bind 0.0.0.0:$PORT\` (gunicorn), \`host="0.0.0.0"\` in code.` : `Bind 0.0.0.0 instead of ${bind.host}.`,
        location: bind.location,
        fingerprintContent: `${bind.server}:${bind.host}`,
      });
    }
  },
});

function where(context: DeployContext): string {
  if (context.kind === 'container') return 'in a container';
  if (context.kind === 'replit') return 'on Replit';
  return 'on the platform';
}
