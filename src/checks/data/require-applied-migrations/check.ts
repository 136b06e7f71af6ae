import { defineCheck } from '../../api.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';
import type { Project } from '../../../facts/project.js';
import { deploymentCommands } from '../../../facts/service/deployment-commands.js';
import { startDeclarations } from '../../../facts/start-targets.js';
import { ANY_MIGRATION, type MigrationSet, migrationSets } from './migration-sets.js';

export const requireAppliedMigrations = defineCheck({
  meta: {
    id: 'data/require-applied-migrations',
    stage: 'schema',
    description: 'Require the deployment (release, build or start commands, or startup code) to apply the migrations the project contains',
    severity: 'moderate',
    category: 'operations',
    appliesWhen: 'migrations and a declared start command',
  },
  appliesTo: (project) => migrationSets(project).length > 0 && startDeclarations(project).some((declaration) => !isNonProductionPath(declaration.file)),
  run({ project, report }) {
    const commands = deploymentCommands(project).map((command) => command.command);
    // A command that names migrations applies them (possibly through a script liveready cannot follow); so does startup code.
    if (commands.some((command) => ANY_MIGRATION.test(command)) || appliesInCode(project)) return;
    const byTool = new Map<string, MigrationSet[]>();
    for (const set of migrationSets(project)) byTool.set(set.tool, [...(byTool.get(set.tool) ?? []), set]);
    for (const [tool, sets] of byTool) {
      const first = sets[0] as MigrationSet;
      if (commands.some((command) => first.applies.test(command))) continue;
      const count = sets.reduce((total, set) => total + set.files.length, 0);
      const where = sets.length === 1 ? `${first.directory}/ holds` : `${sets.length} folders (${sets.slice(0, 3).map((set) => `${set.directory}/`).join(', ')}${sets.length > 3 ? '...' : ''}) hold`;
      const command = first.command.split(' (')[0] as string;
      report({
        message: `${where} ${count} ${tool} migration${count === 1 ? '' : 's'}, but nothing in the deployment applies them (no \`${command}\` in the release, build or start commands, and no migration call at startup): a deploy runs the new code against the old schema, and queries on new columns or tables fail in production.`,
        remediation: `Apply migrations on every deploy, before the new code serves traffic: a release/pre-deploy command (\`release: ${command}\` in the Procfile, \`preDeployCommand\`, fly \`release_command\`), or the start script before it \`exec\`s the server.`,
        location: { file: first.files[0] as string, line: 1 },
        fingerprintContent: `${tool}:${sets.map((set) => set.directory).join(',')}`,
      });
    }
  },
});

function appliesInCode(project: Project): boolean {
  return project.allFacts().some((facts) => !isNonProductionPath(facts.path) && (facts.source?.service?.migrationCalls ?? []).length > 0);
}
