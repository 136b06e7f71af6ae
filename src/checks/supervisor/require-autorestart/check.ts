import { defineCheck } from '../../api.js';

export const requireAutorestart = defineCheck({
  meta: {
    id: 'supervisor/require-autorestart',
    stage: 'config',
    description: 'Require supervisord programs to restart when they exit (autorestart=true)',
    severity: 'moderate',
    category: 'reliability',
    appliesWhen: 'a supervisord configuration with [program:...] sections',
  },
  appliesTo: (project) => project.manifests('supervisord').some(({ manifest }) => manifest.programs.length > 0),
  run({ project, report }) {
    for (const { file, manifest } of project.manifests('supervisord')) {
      for (const program of manifest.programs) {
        const value = program.autorestart?.value.toLowerCase();
        if (value === 'true') continue;
        if (value === 'false') {
          report({
            message: `[program:${program.name}] sets autorestart=false, so the first crash or exit leaves it down until someone restarts it by hand.`,
            remediation: `Set autorestart=true in [program:${program.name}] (with startretries and a log to see why it exits).`,
            location: { file: file.path, line: program.autorestart?.line ?? program.line, column: program.autorestart?.column ?? 1 },
            fingerprintContent: `${program.name}:false`,
          });
          continue;
        }
        if (value !== undefined) continue; // `unexpected` was chosen deliberately
        report({
          message: `[program:${program.name}] does not set autorestart, so supervisord's default (unexpected) applies: when the process exits with code 0 (a worker loop that ends, a server that shuts down cleanly) it stays down.`,
          remediation: `Add autorestart=true to [program:${program.name}].`,
          location: { file: file.path, line: program.line, column: 1 },
          severity: 'low',
          fingerprintContent: `${program.name}:absent`,
        });
      }
    }
  },
});
