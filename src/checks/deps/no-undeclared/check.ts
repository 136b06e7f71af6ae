import { defineCheck } from '../../api.js';
import { packageScope, pythonDeclarations } from '../../../facts/declared-dependencies.js';
import { type ModuleImport, moduleGraph } from '../../../facts/module-graph/module-graph.js';
import { isImportDeclared, suggestedDistribution } from '../../../facts/python-distributions.js';
import { isTestPath } from '../../../facts/path-roles.js';
import { normalizeDistribution } from '../../../parsers/pep508.js';

interface Group {
  isPython: boolean;
  name: string;
  manifest?: string;
  sites: ModuleImport[];
}

export const noUndeclared = defineCheck({
  meta: {
    id: 'deps/no-undeclared',
    stage: 'scan',
    description: 'Require every third-party package the code imports to be declared in a dependency manifest',
    severity: 'critical',
    category: 'dependencies',
  },
  run({ project, report }) {
    const graph = moduleGraph(project);
    const groups = undeclaredImports(project, graph.imports, graph.entrypoints.some((file) => file.endsWith('.py')));
    const pythonManifest = project.manifests('python-dependencies').find(({ manifest }) => manifest.format !== 'runtime')?.file.path;
    for (const group of groups.values()) {
      const first = group.sites[0] as ModuleImport;
      const atStart = group.sites.some((site) => graph.loadedAtStart.has(site.file) && !site.fact.isConditional);
      // Only tests import it: the test run breaks, the deployed app never loads it.
      const onlyTests = !atStart && group.sites.every((site) => isTestPath(site.file));
      const where = onlyTests ? 'on a CI runner or a new machine' : 'on the platform';
      const consequence = atStart ? 'so the app dies at start' : onlyTests ? 'so the tests that import it fail (only tests do: the deployed app never loads it)' : 'so the code that imports it fails when it runs';
      const others = group.sites.length > 1 ? ` (and ${group.sites.length - 1} more import${group.sites.length > 2 ? 's' : ''})` : '';
      report({
        message: group.isPython
          ? `\`${group.name}\` is imported here${others} but ${pythonManifest ? 'no dependency manifest declares' : 'the project has no dependency manifest (requirements.txt, pyproject.toml) declaring'} it: a fresh install ${where} does not have it, the import raises ModuleNotFoundError, ${consequence}.`
          : `'${group.name}' is imported here${others} but ${group.manifest} does not declare it: \`npm ci\` ${where} does not install it, Node fails with "Cannot find module", ${consequence}.`,
        remediation: group.isPython
          ? `Add ${suggestedDistribution(group.name)} to ${pythonManifest ?? 'requirements.txt (create it)'} with the version you use.`
          : `Run \`npm install ${group.name}\` in ${group.manifest?.replace(/\/?package\.json$/, '') || 'the project root'} so it is saved to dependencies.`,
        location: { file: first.file, line: first.fact.line, column: first.fact.column },
        severity: atStart ? 'critical' : onlyTests ? 'low' : 'moderate',
        related: group.sites.slice(1, 11).map((site) => ({ file: site.file, line: site.fact.line, column: site.fact.column })),
        fingerprintContent: `${group.isPython ? 'python' : group.manifest}:${group.name}`,
      });
    }
  },
});

function undeclaredImports(project: Parameters<typeof pythonDeclarations>[0], imports: readonly ModuleImport[], hasPythonEntrypoint: boolean): Map<string, Group> {
  const python = pythonDeclarations(project);
  const checksPython = (python.hasManifest || hasPythonEntrypoint) && !python.isDynamic;
  const groups = new Map<string, Group>();
  for (const entry of imports) {
    const { fact, resolution } = entry;
    const name = resolution.packageName;
    if (resolution.status !== 'external' || !name || fact.isOptional || entry.isTypeOnly) continue;
    let key: string;
    let group: Omit<Group, 'sites'>;
    if (entry.file.endsWith('.py') || entry.file.endsWith('.pyw')) {
      if (!checksPython || isImportDeclared(name, python.names) || python.ownNames.has(normalizeDistribution(name))) continue;
      key = `python:${name}`;
      group = { isPython: true, name };
    } else {
      if (name.startsWith('@types/')) continue;
      const scope = packageScope(project, entry.file);
      if (!scope || scope.names.has(name)) continue;
      key = `${scope.manifests[0]}:${name}`;
      group = { isPython: false, name, manifest: scope.manifests[0] as string };
    }
    const existing = groups.get(key);
    if (existing) existing.sites.push(entry);
    else groups.set(key, { ...group, sites: [entry] });
  }
  return groups;
}
