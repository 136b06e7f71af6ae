import { describeShutdown } from '../../../facts/evidence/describe-simulation.js';
import { judgeSimulation } from '../../../facts/evidence/judge-simulation.js';
import { defineCheck } from '../../api.js';
import { SIMULATION_RAN, simulationOf, startLocation } from '../applies.js';

export const requireGracefulShutdown = defineCheck({
  meta: {
    id: 'runtime/require-graceful-shutdown',
    stage: 'simulate',
    description: 'Require the app to exit cleanly (code 0 or 143) within the grace period after SIGTERM',
    severity: 'critical',
    category: 'operations',
    appliesWhen: SIMULATION_RAN,
  },
  appliesTo: (project) => simulationOf(project) !== undefined,
  run({ project, report }) {
    const evidence = simulationOf(project);
    if (!evidence) return;
    const problem = judgeSimulation(evidence).shutdown;
    if (!problem) return;
    report({
      message: `The app ${problem === 'ignored-sigterm' ? 'ignored SIGTERM' : 'stopped badly'}: ${describeShutdown(evidence)}. Every deploy and restart then ${problem === 'ignored-sigterm' ? 'ends with a kill instead of a clean stop' : 'looks like a crash to the platform'}.`,
      remediation:
        problem === 'ignored-sigterm'
          ? 'Handle SIGTERM: stop accepting work, finish in-flight requests, close connections and exit 0 (do not trap and ignore it, and run the server with exec so it receives the signal).'
          : 'On SIGTERM, close the server and exit with code 0 instead of an error code.',
      location: startLocation(project, evidence),
      fingerprintContent: `shutdown:${problem}`,
    });
  },
});
