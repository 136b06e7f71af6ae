import { judgeSimulation } from '../../../facts/evidence/judge-simulation.js';
import { redact } from '../../../util/redact.js';
import { defineCheck } from '../../api.js';
import { SIMULATION_RAN, simulationOf, startLocation } from '../applies.js';

export const noFailingProbe = defineCheck({
  meta: {
    id: 'runtime/no-failing-probe',
    stage: 'simulate',
    description: 'Disallow health endpoints and smoke requests that fail (5xx, an error status, no answer) once the app is listening',
    severity: 'critical',
    category: 'reliability',
    appliesWhen: SIMULATION_RAN,
  },
  appliesTo: (project) => simulationOf(project) !== undefined,
  run({ project, report }) {
    const evidence = simulationOf(project);
    if (!evidence) return;
    for (const probe of judgeSimulation(evidence).failedProbes) {
      const body = probe.bodyExcerpt ? ` (${redact(probe.bodyExcerpt).slice(0, 80)})` : '';
      const answer = probe.status !== undefined ? `answered ${probe.status}${body}` : `did not answer (${probe.error ?? 'no response'})`;
      const expected = probe.expectStatus !== undefined ? ` instead of the expected ${probe.expectStatus}` : '';
      const what = probe.kind === 'smoke' ? 'The smoke request' : probe.source === 'default' ? 'The health endpoint' : `The ${probe.source === 'config' ? 'configured' : "platform's"} health check`;
      report({
        message: `${what} ${probe.method} ${probe.path} ${answer}${expected}, so ${probe.kind === 'smoke' ? 'that feature is broken in a fresh deploy' : 'the platform keeps the app out of rotation or restarts it'}.`,
        remediation:
          probe.status !== undefined && probe.status >= 500
            ? `Make ${probe.path} answer 200 once the app can serve (check what it depends on: database, settings, files) and log why when it cannot.`
            : `Serve ${probe.path} (or point the platform's health check at a route that exists), answering 200 without authentication.`,
        location: startLocation(project, evidence),
      fingerprintContent: `probe:${probe.method}:${probe.path}:${probe.status ?? probe.error ?? ''}`,
      });
    }
  },
});
