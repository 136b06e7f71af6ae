import { defineCheck } from '../../api.js';
import { type ResolvedTarget, resolveStartTargets, startDeclarations } from '../../../facts/start-targets.js';

export const noMissingTarget = defineCheck({
  meta: {
    id: 'start/no-missing-target',
    stage: 'config',
    description: 'Require every start command (package.json start, Procfile, .replit, platform manifests, compose, Dockerfile CMD) to point at a file or module that exists',
    severity: 'critical',
    category: 'configuration',
    appliesWhen: 'a manifest declares a start command',
  },
  appliesTo: (project) => startDeclarations(project).length > 0,
  run({ project, report }) {
    for (const resolved of resolveStartTargets(project)) {
      if (resolved.status !== 'missing') continue;
      report({
        message: describe(resolved),
        remediation: remediate(resolved),
        location: resolved.location,
        fingerprintContent: `${resolved.declaration.source}:${resolved.target.value}`,
      });
    }
  },
});

function describe(resolved: ResolvedTarget): string {
  const { declaration, target, candidates } = resolved;
  const via = resolved.via ? ` (reached via ${resolved.via})` : '';
  if (declaration.role === 'entrypoint') return `${declaration.source} names ${target.value}, but ${candidates[0] ?? target.value} does not exist, so the Run button and the deployment have nothing to run.`;
  const what = `${declaration.source}${via} runs \`${declaration.command.command}\``;
  switch (target.kind) {
    case 'npm-script':
      return `${what}, but ${candidates[0] ?? 'package.json'} has no "${target.value}" script, so the start fails with "Missing script".`;
    case 'app-module':
      return `${what}, but the module ${target.value.split(':')[0]} does not exist (looked for ${candidates.join(', ')}), so ${target.runner} exits at start with an import error.`;
    case 'python-module':
      return `${what}, but the module ${target.value} does not exist (looked for ${candidates.join(', ')}), so Python exits at start.`;
    default:
      return `${what}, but ${candidates[0] ?? target.value} does not exist, so the process dies at start and the platform restarts it in a loop.`;
  }
}

function remediate(resolved: ResolvedTarget): string {
  const { declaration, target } = resolved;
  if (target.kind === 'npm-script') return `Add a "${target.value}" script to ${resolved.candidates[0] ?? 'package.json'} or change ${declaration.source} to a script that exists.`;
  return `Point ${declaration.source} at the real entry file (or commit ${resolved.candidates[0] ?? target.value}); if a build step creates it, declare that build step.`;
}
