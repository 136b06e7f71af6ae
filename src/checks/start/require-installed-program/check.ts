import { defineCheck } from '../../api.js';
import { packageScope, pythonDeclarations } from '../../../facts/declared-dependencies.js';
import type { Project } from '../../../facts/project.js';
import { type StartProgram, startPrograms } from '../../../facts/start-programs.js';
import { normalizeDistribution } from '../../../parsers/pep508.js';

export const requireInstalledProgram = defineCheck({
  meta: {
    id: 'start/require-installed-program',
    stage: 'config',
    description: 'Require the server or tool a start command runs (gunicorn, uvicorn, celery, next, ts-node...) to be declared in the dependency manifest the platform installs from',
    severity: 'critical',
    category: 'dependencies',
    appliesWhen: 'a start command that runs a known third-party server or tool',
  },
  appliesTo: (project) => startPrograms(project).length > 0,
  run({ project, report }) {
    const seen = new Set<string>();
    for (const program of startPrograms(project)) {
      const key = `${program.location.file}:${program.location.line}:${program.packageName}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const problem = program.ecosystem === 'python' ? pythonProblem(project, program) : nodeProblem(project, program);
      if (!problem) continue;
      report({ ...problem, location: program.location, fingerprintContent: `${program.declaration.source}:${program.program}` });
    }
  },
});

interface Problem {
  message: string;
  remediation: string;
  severity: 'critical' | 'moderate';
}

function runs(program: StartProgram): string {
  return `${program.declaration.source}${program.via ? ` (via ${program.via})` : ''} runs \`${program.program}\``;
}

function pythonProblem(project: Project, program: StartProgram): Problem | undefined {
  const declared = pythonDeclarations(project);
  const name = normalizeDistribution(program.packageName);
  if (declared.isDynamic || declared.names.has(name) || declared.ownNames.has(name)) return undefined;
  // Nix (replit.nix) can put the program on PATH without any Python manifest.
  const nix = project.manifests('replit-nix').some(({ manifest }) => manifest.packages.some((entry) => entry.value.split('.').pop()?.toLowerCase() === name));
  if (nix) return undefined;
  const manifest = project.manifests('python-dependencies').find(({ manifest: facts }) => facts.format !== 'runtime')?.file.path;
  return {
    message: `${runs(program)}, but ${manifest ? `no Python dependency manifest (${manifest}) declares \`${program.packageName}\`` : `the project declares no Python dependencies at all, so nothing installs \`${program.packageName}\``}: the platform's install leaves it out, the start fails with ${program.program.includes(' -m ') ? `"No module named ${program.packageName}"` : `"${program.program}: command not found"`} and the process dies in a loop.`,
    remediation: `Add ${program.packageName} to ${manifest ?? 'requirements.txt (create it)'} with the version you run locally (\`pip freeze | grep -i ${program.packageName}\`).`,
    severity: 'critical',
  };
}

function nodeProblem(project: Project, program: StartProgram): Problem | undefined {
  const scope = packageScope(project, program.dir ? `${program.dir}/package.json` : 'package.json');
  if (!scope) return undefined;
  const declarations = scope.manifests.flatMap((path) => {
    const manifest = project.facts(path)?.manifest;
    return manifest?.type === 'package-json' ? (manifest.dependencies ?? []).filter((dependency) => dependency.name === program.packageName) : [];
  });
  if (scope.names.has(program.packageName) && declarations.some((dependency) => dependency.group !== 'dev')) return undefined;
  if (declarations.length > 0) {
    return {
      message: `${runs(program)}, but \`${program.packageName}\` is only in devDependencies of ${scope.manifests[0]}: platforms that install for production (Heroku prunes dev dependencies after the build; \`npm ci --omit=dev\` and \`NODE_ENV=production\` installs skip them) start without it, and the start fails with "${program.program}: not found".`,
      remediation: `Move ${program.packageName} to dependencies (\`npm install --save-prod ${program.packageName}\`), or start the built output with plain \`node\` (e.g. compile with tsc at build time instead of running ts-node in production).`,
      severity: 'moderate',
    };
  }
  if (scope.names.has(program.packageName)) return undefined;
  return {
    message: `${runs(program)}, but no package.json from ${program.dir || 'the root'} up declares \`${program.packageName}\`: \`npm ci\` on the platform does not install it, so the start fails with "${program.program}: not found".`,
    remediation: `Run \`npm install ${program.packageName}\` in ${scope.manifests[0]?.replace(/\/?package\.json$/, '') || 'the project root'} so the version you tested is saved to dependencies and the lockfile.`,
    severity: 'critical',
  };
}
