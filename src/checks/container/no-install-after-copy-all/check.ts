import { defineCheck } from '../../api.js';
import type { DockerfileFacts } from '../../../facts/deployment-manifest-types.js';
import { DOCKERFILE_APPLIES, productionDockerfiles } from '../dockerfiles.js';

/** Installs driven by a dependency manifest (not `pip install gunicorn`, not `npm install -g pm2`). */
const INSTALL = /\b(?:pip3?|python[\d.]*\s+-m\s+pip|uv\s+pip)\s+install\b[^&;|]*?(?:\s-r\s*\S|--requirement|\s\.(?:\[\S*\])?(?=\s|$)|-e\s+\.)|\bnpm\s+(?:ci|install|i)(?:\s+--?[\w-]+(?:=\S+)?)*\s*(?:$|&&|;|\|)|\byarn(?:\s+install)?(?:\s+--[\w-]+(?:=\S+)?)*\s*(?:$|&&|;)|\bpnpm\s+(?:install|i)\b|\bpoetry\s+install\b|\buv\s+sync\b|\bpipenv\s+install\b|\bbundle\s+install\b|\bcomposer\s+install\b/;
const MANIFEST = /(?:^|\/)(?:requirements[^/]*\.txt|requirements\/?|package(?:-lock)?\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|pyproject\.toml|poetry\.lock|uv\.lock|Pipfile(?:\.lock)?|setup\.py|setup\.cfg|Gemfile(?:\.lock)?|composer\.(?:json|lock))$/;
const WHOLE_CONTEXT = /^(?:\.\/?|\*|\.\/\*)$/;

export const noInstallAfterCopyAll = defineCheck({
  meta: {
    id: 'container/no-install-after-copy-all',
    stage: 'config',
    description: 'Require dependency manifests to be copied and installed before the rest of the source (not after COPY . .)',
    severity: 'low',
    category: 'operations',
    appliesWhen: DOCKERFILE_APPLIES,
  },
  appliesTo: (project) => productionDockerfiles(project).length > 0,
  run({ project, report }) {
    for (const { file, facts } of productionDockerfiles(project)) {
      for (const late of lateInstalls(facts)) {
        report({
          message: `\`${late.command}\` runs after \`COPY ${late.copySources} ...\` (line ${late.copyLine}): any change to any source file invalidates the layer cache, so every build reinstalls every dependency from scratch (minutes per deploy, and a registry outage breaks builds that changed one line).`,
          remediation: 'Copy only the dependency manifests first, install, then copy the rest: `COPY requirements.txt .` / `RUN pip install -r requirements.txt` / `COPY . .` (Node: `COPY package*.json ./` / `RUN npm ci` / `COPY . .`).',
          location: { file, line: late.line },
          related: [{ file, line: late.copyLine }],
          fingerprintContent: late.command,
        });
      }
    }
  },
});

/** Manifest installs that come after a whole-context COPY in the same stage, with no manifest copied and installed before it. */
function lateInstalls(facts: DockerfileFacts): Array<{ command: string; line: number; copyLine: number; copySources: string }> {
  const found: Array<{ command: string; line: number; copyLine: number; copySources: string }> = [];
  facts.stages.forEach((_stage, index) => {
    const copies = facts.copies.filter((copy) => copy.stage === index && copy.from === undefined);
    const copyAll = copies.find((copy) => copy.sources.some((source) => WHOLE_CONTEXT.test(source)));
    if (!copyAll) return;
    const runs = (facts.runs ?? []).filter((run) => run.stage === index);
    const copiedManifestFirst = copies.some((copy) => copy.line < copyAll.line && copy.sources.some((source) => MANIFEST.test(source)));
    const installedFirst = runs.some((run) => run.line < copyAll.line && INSTALL.test(run.command));
    if (copiedManifestFirst || installedFirst) return;
    const late = runs.find((run) => run.line > copyAll.line && INSTALL.test(run.command));
    if (late) found.push({ command: late.command.length > 80 ? `${late.command.slice(0, 77)}...` : late.command, line: late.line, copyLine: copyAll.line, copySources: copyAll.sources.join(' ') });
  });
  return found;
}
