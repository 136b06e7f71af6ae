import { defineCheck } from '../../api.js';
import type { Severity } from '../../../model/severity.js';

/** A document that cannot be parsed stops the platform; a bad line in a line-based file is skipped by it. */
const SEVERITY_BY_KIND: Partial<Record<string, Severity>> = {
  'package-json': 'critical',
  replit: 'critical',
  json: 'moderate',
  toml: 'moderate',
  yaml: 'moderate',
  procfile: 'moderate',
  dotenv: 'low',
  // config stage (issue 3): a Dockerfile that does not parse fails the image build.
  dockerfile: 'critical',
  ini: 'moderate',
  systemd: 'moderate',
  'replit-nix': 'moderate',
};

export const noMalformedManifest = defineCheck({
  meta: {
    id: 'config/no-malformed-manifest',
    stage: 'config',
    description: 'Require configuration and manifest files to parse',
    severity: 'moderate',
    category: 'configuration',
  },
  run({ project, report }) {
    for (const facts of project.allFacts()) {
      for (const problem of facts.problems) {
        const location = problem.column === undefined ? { file: facts.path, line: problem.line } : { file: facts.path, line: problem.line, column: problem.column };
        report({
          message: `${facts.path} is malformed: ${problem.message}; the tools that read it will fail or ignore this part.`,
          remediation: `Fix the syntax at line ${problem.line} of ${facts.path}.`,
          location,
          severity: SEVERITY_BY_KIND[facts.kind] ?? 'moderate',
          fingerprintContent: problem.message,
        });
      }
    }
  },
});
