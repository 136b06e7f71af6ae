import { defineCheck } from '../../api.js';
import { dirOf } from '../../../facts/deployment-declarations.js';
import { commandEntry } from '../../../facts/start-plan.js';

export const noDivergingReplitRun = defineCheck({
  meta: {
    id: 'start/no-diverging-replit-run',
    stage: 'config',
    description: 'Disallow a .replit run command and [deployment] run that start different entry files',
    severity: 'moderate',
    category: 'configuration',
    appliesWhen: 'a .replit with both run and [deployment] run',
  },
  appliesTo: (project) => project.manifests('replit').some(({ manifest }) => manifest.run !== undefined && manifest.deploymentRun !== undefined),
  run({ project, report }) {
    for (const { file, manifest } of project.manifests('replit')) {
      const { run, deploymentRun } = manifest;
      if (!run || !deploymentRun) continue;
      const runs = commandEntry(project, run.command, dirOf(file.path));
      const deploys = commandEntry(project, deploymentRun.command, dirOf(file.path));
      // Only two entries that exist are compared: a missing one is start/no-missing-target's finding.
      const runEntry = runs?.file;
      const deployEntry = deploys?.file;
      if (!runEntry || !deployEntry) continue;
      if (runEntry === deployEntry) continue;
      report({
        message: `.replit run starts ${runEntry} but [deployment] run starts ${deployEntry}, so the app you try with the Run button is not the app that gets deployed.`,
        remediation: `Make [deployment] run start the same entry as run (a production server for it is fine, e.g. gunicorn for the same module), or point run at ${deployEntry}.`,
        location: { file: file.path, line: deploymentRun.line, column: deploymentRun.column },
        related: [{ file: file.path, line: run.line, column: run.column }],
        fingerprintContent: `${runEntry}|${deployEntry}`,
      });
    }
  },
});
