import { describeInstall } from '../../../facts/evidence/describe-simulation.js';
import { defineCheck } from '../../api.js';
import { simulationOf, startLocation } from '../applies.js';

export const noInstallFailure = defineCheck({
  meta: {
    id: 'runtime/no-install-failure',
    stage: 'simulate',
    description: 'Require the install step (npm ci, pip install...) to succeed in a clean copy of the project',
    severity: 'critical',
    category: 'dependencies',
    appliesWhen: 'an install step to run in the sandbox (not --no-install)',
  },
  appliesTo: (project) => simulationOf(project)?.install !== undefined,
  run({ project, report }) {
    const evidence = simulationOf(project);
    const install = evidence?.install;
    if (!evidence || !install || install.status === 'ok') return;
    report({
      message: `The install ${describeInstall(evidence)}, so the deploy stops before the app ever starts.`,
      remediation:
        install.status === 'timeout'
          ? 'Make the install finish in time: commit the lockfile, drop unused heavy dependencies, or raise simulate.installTimeoutSeconds if it is legitimately slow.'
          : 'Run the same install command in a fresh clone, fix the first error it prints (a version that does not exist, a lockfile out of sync, a missing build tool), and commit the fix.',
      location: install.location && project.hasFile(install.location.file) ? install.location : startLocation(project, evidence),
      fingerprintContent: `install:${install.command}`,
    });
  },
});
