import { defineCheck } from '../../api.js';
import { moduleMap } from '../../../facts/service/module-map.js';

export const noLayerViolation = defineCheck({
  meta: {
    id: 'architecture/no-layer-violation',
    stage: 'map',
    description: 'Disallow client-side UI modules importing the data layer (database clients, ORM models, DB drivers)',
    severity: 'moderate',
    category: 'maintainability',
    appliesWhen: 'code modules',
  },
  appliesTo: (project) => moduleMap(project).modules.length > 0,
  run({ project, report }) {
    for (const violation of moduleMap(project).violations) {
      report({
        message: violation.isPackage
          ? `${violation.from} runs in the browser and imports the database package \`${violation.to}\`: the build either fails on server-only modules (net, fs, tls) or ships the driver, and the connection string or credentials it needs, to every visitor.`
          : `${violation.from} runs in the browser and imports the data-layer module ${violation.to}: database code (and the credentials it reads) is pulled into the client bundle, or the build fails on server-only modules.`,
        remediation: 'Keep data access on the server: call an API route, a server action or a server component from the UI, and import only types from the data layer (`import type`).',
        location: { file: violation.from, line: violation.line, column: violation.column },
        related: violation.isPackage ? [] : [{ file: violation.to, line: 1 }],
        fingerprintContent: `${violation.module}`,
      });
    }
  },
});
