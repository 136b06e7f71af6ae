import { defineCheck } from '../../api.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';

export const noWildcardCorsCredentials = defineCheck({
  meta: {
    id: 'server/no-wildcard-cors-credentials',
    stage: 'scan',
    description: 'Disallow CORS that allows any origin together with credentials',
    severity: 'moderate',
    category: 'security',
  },
  run({ project, report }) {
    for (const facts of project.allFacts()) {
      if (isNonProductionPath(facts.path)) continue;
      for (const cors of facts.source?.service?.cors ?? []) {
        report({
          message:
            cors.origin === 'reflect'
              ? `${cors.library} allows every origin with credentials, so it echoes back whatever Origin asks: any website a logged-in user visits can call this API with the user's cookies and read the answers (cross-site request forgery with data theft).`
              : `${cors.library} sends \`Access-Control-Allow-Origin: *\` with credentials allowed: browsers reject that combination, so credentialed requests from the real front end fail, and the usual quick fix (reflecting the origin) opens the API to every website.`,
          remediation: 'List the front-end origins explicitly (`allow_origins=["https://app.example.com"]`, `origin: ["https://app.example.com"]`), from configuration per environment; keep credentials only for those.',
          location: { file: facts.path, line: cors.line, column: cors.column },
          fingerprintContent: `${cors.library}:${cors.origin}`,
        });
      }
    }
  },
});
