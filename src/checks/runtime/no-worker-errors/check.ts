import { judgeSimulation } from '../../../facts/evidence/judge-simulation.js';
import { stripSandboxPaths } from '../../../facts/evidence/describe-simulation.js';
import { defineCheck } from '../../api.js';
import { SIMULATION_RAN, simulationOf, startLocation } from '../applies.js';

export const noWorkerErrors = defineCheck({
  meta: {
    id: 'runtime/no-worker-errors',
    stage: 'simulate',
    description: 'Disallow a worker that stays up but logs errors or tracebacks while it runs',
    // Moderate: the sandbox has no database, cache or API behind the worker, so some errors are the sandbox's.
    severity: 'moderate',
    category: 'reliability',
    appliesWhen: SIMULATION_RAN,
  },
  appliesTo: (project) => simulationOf(project) !== undefined,
  run({ project, report }) {
    const evidence = simulationOf(project);
    if (!evidence) return;
    const errors = judgeSimulation(evidence).workerErrors;
    const first = errors[0];
    if (!first) return;
    const seconds = Math.round((evidence.limits?.aliveMs ?? 0) / 1000);
    report({
      message: `The worker \`${evidence.plan?.command ?? ''}\` stayed up but logged errors during its ${seconds} s alive window (first: "${stripSandboxPaths(first.text).trim().slice(0, 120)}"): a worker is judged by its output, and this one is failing at its job.`,
      remediation: 'Run the worker locally with the declared environment, read the first error, and fix it (or, if it is a service the sandbox lacks, make the worker wait and retry quietly instead of failing every loop).',
      location: startLocation(project, evidence),
      fingerprintContent: `worker-errors:${evidence.plan?.command ?? ''}`,
    });
  },
});
