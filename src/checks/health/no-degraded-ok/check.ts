import { defineCheck } from '../../api.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';

export const noDegradedOk = defineCheck({
  meta: {
    id: 'health/no-degraded-ok',
    stage: 'scan',
    description: 'Disallow health handlers that report a failed or degraded state but still answer 200',
    severity: 'moderate',
    category: 'reliability',
  },
  run({ project, report }) {
    for (const facts of project.allFacts()) {
      if (isNonProductionPath(facts.path)) continue;
      for (const handler of facts.source?.service?.healthHandlers ?? []) {
        if (!handler.reportsFailure || handler.setsFailureStatus) continue;
        const line = handler.failureLine ?? handler.line;
        report({
          message: `The \`${handler.path}\` handler reports a failed state but always answers 200 OK: platforms and load balancers read only the status code, so they keep routing traffic to an instance that says it is broken and never restart or replace it.`,
          remediation: 'Answer 503 when a check fails (`JSONResponse(..., status_code=503)`, `return jsonify(...), 503`, `res.status(503).json(...)`) and 200 only when healthy.',
          location: { file: facts.path, line },
          related: line === handler.line ? [] : [{ file: facts.path, line: handler.line }],
          fingerprintContent: `${handler.path}:${facts.snippets[line]?.trim() ?? ''}`,
        });
      }
    }
  },
});
