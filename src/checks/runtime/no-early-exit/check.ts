import { describeEarlyExit } from '../../../facts/evidence/describe-simulation.js';
import { judgeSimulation } from '../../../facts/evidence/judge-simulation.js';
import { defineCheck } from '../../api.js';
import { SIMULATION_RAN, simulationOf, startLocation } from '../applies.js';

export const noEarlyExit = defineCheck({
  meta: {
    id: 'runtime/no-early-exit',
    stage: 'simulate',
    description: 'Disallow a long-running process (worker or server) that exits on its own right after it starts',
    severity: 'critical',
    category: 'reliability',
    appliesWhen: SIMULATION_RAN,
  },
  appliesTo: (project) => simulationOf(project) !== undefined,
  run({ project, report }) {
    const evidence = simulationOf(project);
    if (!evidence || !judgeSimulation(evidence).exitsAtOnce) return;
    report({
      message: `${describeEarlyExit(evidence)}.`,
      remediation:
        evidence.plan?.mode === 'worker'
          ? 'Keep the worker running: loop over the queue or schedule (with a sleep or a blocking wait) instead of doing one pass and returning; run one-off jobs as a release/cron task instead.'
          : 'Start the server in the foreground (no daemon mode, no `&`) so the process stays up while it serves.',
      location: startLocation(project, evidence),
      fingerprintContent: `early-exit:${evidence.plan?.command ?? ''}`,
    });
  },
});
