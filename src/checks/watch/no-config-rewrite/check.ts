import { redactChangeLine } from '../../../facts/evidence/redact-change.js';
import { defineCheck } from '../../api.js';

export const noConfigRewrite = defineCheck({
  meta: {
    id: 'watch/no-config-rewrite',
    stage: 'watch',
    description: 'Disallow an app that creates, rewrites or deletes its own config or env files at runtime',
    severity: 'critical',
    category: 'configuration',
    appliesWhen: 'the app started in the sandbox (the simulation was skipped)',
  },
  appliesTo: (project) => project.evidence.watch !== undefined,
  run({ project, report }) {
    for (const change of project.evidence.watch?.changes ?? []) {
      if (!change.isConfig) continue;
      const lines = change.linesAdded !== undefined ? ` (+${change.linesAdded} -${change.linesRemoved ?? 0} lines)` : '';
      const by = change.writer ? `, written from ${change.writer.file}:${change.writer.line}` : '';
      report({
        message: `The app ${change.change === 'created' ? 'created' : change.change === 'deleted' ? 'deleted' : 'rewrote'} the config file ${change.path} while it ran${lines}${by}: on a platform the disk is ephemeral or read-only, so the change is lost at the next deploy or the start fails, and instances drift apart.`,
        remediation: 'Keep config read-only at runtime: read settings from environment variables, and write state to a database or a data directory instead of a config file.',
        location: change.writer ?? { file: change.path, line: 1 },
        evidence: change.writer ? undefined : redactChangeLine((change.excerpt ?? [])[0] ?? `${change.change} ${change.path}`),
        fingerprintContent: `config-${change.change}:${change.path}`,
      });
    }
  },
});
