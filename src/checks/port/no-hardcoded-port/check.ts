import { defineCheck } from '../../api.js';
import { deployContexts } from '../../../facts/deploy-contexts.js';
import type { Project } from '../../../facts/project.js';
import { describeBind } from '../bind-description.js';

export const noHardcodedPort = defineCheck({
  meta: {
    id: 'port/no-hardcoded-port',
    stage: 'config',
    description: 'Disallow a fixed port where the platform assigns one in $PORT (Heroku-style Procfile, Railway, Render, app.json)',
    severity: 'critical',
    category: 'configuration',
    appliesWhen: 'a platform that sets PORT (Procfile, railway, render.yaml, app.json)',
  },
  appliesTo: (project) => deployContexts(project).some((context) => context.injectsPort),
  run({ project, report }) {
    for (const context of deployContexts(project)) {
      const bind = context.bind;
      if (!context.injectsPort || !bind?.isFixedPort || bind.port === undefined) continue;
      const platforms = platformNames(project);
      const route = platforms.length === 1 ? 'routes' : 'route';
      report({
        message: `The web process listens on fixed port ${bind.port} (${describeBind(bind)}), but ${platforms.join(', ')} ${route} traffic to the port given in $PORT, so the app never answers there and is restarted as failing to bind.`,
        remediation: bind.isDefaultPort
          ? `Pass the port explicitly from the environment, e.g. \`--port $PORT\` (or \`--bind 0.0.0.0:$PORT\`).`
          : `Read the port from the environment (\`int(os.environ.get("PORT", ${bind.port}))\`, \`process.env.PORT || ${bind.port}\`, \`--port $PORT\`).`,
        location: bind.location,
        // Render finds a fixed port by itself (with a warning); the others do not.
        severity: platforms.length === 1 && platforms[0] === 'Render' ? 'moderate' : 'critical',
        fingerprintContent: `${bind.server}:${bind.port}`,
      });
    }
  },
});

function platformNames(project: Project): string[] {
  const names = project.manifests('platform').flatMap(({ manifest }) => (manifest.platform === 'railway' ? ['Railway'] : manifest.platform === 'render' ? ['Render'] : manifest.platform === 'heroku-app-json' ? ['Heroku'] : []));
  if (project.manifests('procfile').length > 0 && !names.includes('Heroku')) names.push('a Heroku-style platform (Procfile)');
  return [...new Set(names)];
}
