import { defineCheck } from '../../api.js';
import { type ModuleImport, moduleGraph } from '../../../facts/module-graph/module-graph.js';

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
    for (const entry of graph.imports) {
      const { fact, resolution } = entry;
      if (resolution.status !== 'missing' || fact.isOptional) continue;
      const atStart = graph.loadedAtStart.has(entry.file) && !fact.isConditional && !fact.isTypeOnly;
      report({
        message: describe(entry, atStart, graph.entrypoints),
        remediation: entry.file.endsWith('.py')
          ? `Fix the module path (check the package name, the relative dots and the src/ layout), or add the missing ${resolution.candidates?.[0] ?? 'module'}.`
          : `Fix the path (check the relative ../ levels, the file name's case and extension), or add the missing ${resolution.candidates?.[0] ?? 'file'}.`,
        location: { file: entry.file, line: fact.line, column: fact.column },
        severity: atStart ? 'critical' : 'moderate',
        fingerprintContent: `${fact.kind}:${fact.module}:${resolution.missingName ?? ''}`,
      });
    }
  },
});

function describe(entry: ModuleImport, atStart: boolean, entrypoints: readonly string[]): string {
  const { fact, resolution } = entry;
  const looked = resolution.candidates && resolution.candidates.length > 0 ? ` (looked for ${resolution.candidates.slice(0, 3).join(', ')})` : '';
  const loadedFrom = entrypoints.includes(entry.file) ? ' (it is what the start command runs)' : entrypoints.length > 0 ? ` (from ${entrypoints.slice(0, 2).join(', ')})` : '';
  const when = atStart
    ? `, and ${entry.file} is loaded when the app starts${loadedFrom}, so the process dies at start`
    : fact.isConditional
      ? ', so the code that runs this import fails when it gets there'
      : ', so importing this module fails';
  if (entry.file.endsWith('.py') || entry.file.endsWith('.pyw')) {
    const name = resolution.missingName ?? fact.module;
    return `${fact.kind === 'from' ? `from ${fact.module} import ${(fact.names ?? []).join(', ')}` : `import ${fact.module}`} needs the project module ${name}, which does not exist${looked}: Python raises ModuleNotFoundError${when}.`;
  }
  return `'${fact.module}' does not resolve to a file in the project${looked}: Node or the bundler fails with "Cannot find module"${when}.`;
}
