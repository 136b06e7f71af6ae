import { FAILURE_LABELS, describeCause, describeCrashLoop } from '../../../facts/evidence/describe-simulation.js';
import { judgeSimulation } from '../../../facts/evidence/judge-simulation.js';
import { defineCheck } from '../../api.js';
import { SIMULATION_RAN, simulationOf, startLocation } from '../applies.js';

const REMEDIES: Record<string, string> = {
  'missing-env': 'Provide the variable where the platform reads its environment (dashboard, manifest env, .replit [env]) and document it in .env.example, or give it a safe default.',
  'missing-module': 'Declare the package in requirements.txt / package.json (and the lockfile), or fix the import path if it is the project\'s own module.',
  'missing-file': 'Point the start command at the real entry file, or commit the file it names (or build it before start).',
  'syntax-error': 'Fix the syntax error at the reported line (and run the app once locally before deploying).',
  'port-in-use': 'Bind to the port in $PORT instead of a fixed one, and start only one server process per port.',
  'permission-denied': 'Write only inside the app directory or /tmp, and bind to $PORT (ports below 1024 need root).',
  'database-refused': 'Point the database URL at the platform\'s database (not localhost), or let the app start and retry the connection instead of dying.',
  'out-of-memory': 'Lower memory use at start (lazy loading, fewer workers) or give the process more memory.',
  'command-not-found': 'Install the program the start command runs (declare it as a dependency), or call it through the runtime (python -m, npx).',
};

export const noCrashLoop = defineCheck({
  meta: {
    id: 'runtime/no-crash-loop',
    stage: 'simulate',
    description: 'Disallow an app that dies at start and would be restarted by the platform in a loop',
    severity: 'critical',
    category: 'reliability',
    appliesWhen: SIMULATION_RAN,
  },
  appliesTo: (project) => simulationOf(project) !== undefined,
  run({ project, report }) {
    const evidence = simulationOf(project);
    if (!evidence) return;
    const judgement = judgeSimulation(evidence);
    const classification = evidence.classification;
    const kind = classification?.kind ?? 'unknown';
    const location = classification?.location && project.hasFile(classification.location.file) ? classification.location : startLocation(project, evidence);
    const related = evidence.plan?.location && evidence.plan.location !== location ? [evidence.plan.location] : [];
    if (judgement.crashLoop) {
      report({
        message: `${describeCrashLoop(evidence)}. The platform would restart it in a death loop.`,
        remediation: REMEDIES[kind] ?? 'Run the start command locally with the same environment, read the first error and fix it.',
        location,
      fingerprintContent: `crash-loop:${kind}:${classification?.variable ?? classification?.module ?? ''}`,
        related,
      });
    } else if (judgement.restartedThenStayedUp.length > 0) {
      const count = judgement.restartedThenStayedUp.length;
      report({
        message: `The app died ${count} time${count === 1 ? '' : 's'} at start before a restart stayed up (${FAILURE_LABELS[kind]}: ${describeCause(classification)}): a flaky start fails deploys at random.`,
        remediation: 'Make the start deterministic: wait for dependencies (database, cache) with retries instead of exiting.',
        location,
        severity: 'moderate',
      fingerprintContent: `flaky-start:${kind}`,
        related,
      });
    }
  },
});
