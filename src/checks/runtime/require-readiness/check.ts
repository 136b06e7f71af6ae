import { describeLoopbackOnly, describeNotReady } from '../../../facts/evidence/describe-simulation.js';
import { judgeSimulation } from '../../../facts/evidence/judge-simulation.js';
import { defineCheck } from '../../api.js';
import { SIMULATION_RAN, simulationOf, startLocation } from '../applies.js';

export const requireReadiness = defineCheck({
  meta: {
    id: 'runtime/require-readiness',
    stage: 'simulate',
    description: 'Require a web process to accept connections on the port in $PORT, on an address the platform can reach, within the readiness timeout',
    severity: 'critical',
    category: 'configuration',
    appliesWhen: SIMULATION_RAN,
  },
  appliesTo: (project) => simulationOf(project) !== undefined,
  run({ project, report }) {
    const evidence = simulationOf(project);
    if (!evidence) return;
    const judgement = judgeSimulation(evidence);
    if (judgement.loopbackOnly) {
      report({
        message: `${describeLoopbackOnly(evidence)}: the app runs, but in a deploy every request and health check fails.`,
        remediation: 'Bind to 0.0.0.0 (uvicorn --host 0.0.0.0, app.run(host="0.0.0.0"), server.listen(port) without a host), or to the HOST the platform sets.',
        location: startLocation(project, evidence),
        fingerprintContent: 'not-ready:loopback-only',
      });
    }
    const attempt = judgement.notReady;
    if (!attempt) return;
    const wrongPort = attempt.listeningPorts.some((port) => port !== evidence.port);
    report({
      message: `${describeNotReady(evidence)}, so the platform's router never reaches it and marks the deploy failed.`,
      remediation: wrongPort
        ? 'Read the port from the PORT environment variable (os.environ["PORT"], process.env.PORT) and bind to 0.0.0.0 on it.'
        : 'Make the start command run the server (not a build or a one-off script), bound to 0.0.0.0:$PORT, and keep slow start-up work out of the way of listening.',
      location: startLocation(project, evidence),
      fingerprintContent: `not-ready:${wrongPort ? 'wrong-port' : 'no-port'}`,
    });
  },
});
