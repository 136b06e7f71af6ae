import { defineCheck } from '../../api.js';
import { type ModuleImport, moduleGraph } from '../../../facts/module-graph/module-graph.js';
import { isTestPath } from '../../../facts/path-roles.js';

export const noMissingModule = defineCheck({
  meta: {
    id: 'imports/no-missing-module',
    stage: 'scan',
    description: 'Disallow imports of project modules and files that do not exist',
    severity: 'critical',
    category: 'correctness',
  },
  run({ project, report }) {
    const graph = moduleGraph(project);
    for (const sites of groupByMissingTarget(graph.imports)) {
      const isAtStart = (site: ModuleImport): boolean => graph.loadedAtStart.has(site.file) && !site.fact.isConditional && !site.isTypeOnly;
      // The first site that breaks the start, else the first in path order; the others are related.
      const entry = sites.find(isAtStart) ?? (sites[0] as ModuleImport);
      const { fact, resolution } = entry;
      const atStart = isAtStart(entry);
      // Only tests import it (test suites import missing modules on purpose, too): the deployed app never loads it.
      const onlyTests = !atStart && sites.every((site) => isTestPath(site.file));
      const others = sites.filter((site) => site !== entry);
      report({
        message: describe(entry, atStart, graph.entrypoints, onlyTests) + (others.length > 0 ? ` ${others.length} other import${others.length === 1 ? '' : 's'} of it fail${others.length === 1 ? 's' : ''} the same way.` : ''),
        remediation: entry.file.endsWith('.py')
          ? `Fix the module path (check the package name, the relative dots and the src/ layout), or add the missing ${resolution.candidates?.[0] ?? 'module'}.`
          : `Fix the path (check the relative ../ levels, the file name's case and extension), or add the missing ${resolution.candidates?.[0] ?? 'file'}.`,
        location: { file: entry.file, line: fact.line, column: fact.column },
        severity: atStart ? 'critical' : onlyTests ? 'low' : 'moderate',
        related: others.slice(0, 10).map((site) => ({ file: site.file, line: site.fact.line, column: site.fact.column })),
        fingerprintContent: `${fact.kind}:${fact.module}:${resolution.missingName ?? ''}`,
      });
    }
  },
});

/** Missing imports grouped by what they look for: 300 files importing the same missing module are one defect. */
function groupByMissingTarget(imports: readonly ModuleImport[]): ModuleImport[][] {
  const groups = new Map<string, ModuleImport[]>();
  for (const entry of imports) {
    if (entry.resolution.status !== 'missing' || entry.fact.isOptional) continue;
    const key = entry.resolution.candidates?.[0] ?? `${entry.file}:${entry.fact.module}`;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.values()];
}

function describe(entry: ModuleImport, atStart: boolean, entrypoints: readonly string[], onlyTests: boolean): string {
  const { fact, resolution } = entry;
  const looked = resolution.candidates && resolution.candidates.length > 0 ? ` (looked for ${resolution.candidates.slice(0, 3).join(', ')})` : '';
  const loadedFrom = entrypoints.includes(entry.file) ? ' (it is what the start command runs)' : entrypoints.length > 0 ? ` (from ${entrypoints.slice(0, 2).join(', ')})` : '';
  const when = atStart
    ? `, and ${entry.file} is loaded when the app starts${loadedFrom}, so the process dies at start`
    : onlyTests
      ? ', so the tests that import it fail (only tests do: the deployed app never loads it)'
      : fact.isConditional
        ? ', so the code that runs this import fails when it gets there'
        : ', so importing this module fails';
  if (entry.file.endsWith('.py') || entry.file.endsWith('.pyw')) {
    const name = resolution.missingName ?? fact.module;
    return `${fact.kind === 'from' ? `from ${fact.module} import ${(fact.names ?? []).join(', ')}` : `import ${fact.module}`} needs the project module ${name}, which does not exist${looked}: Python raises ModuleNotFoundError${when}.`;
  }
  return `'${fact.module}' does not resolve to a file in the project${looked}: Node or the bundler fails with "Cannot find module"${when}.`;
}
