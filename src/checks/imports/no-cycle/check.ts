import { defineCheck } from '../../api.js';
import { moduleGraph } from '../../../facts/module-graph/module-graph.js';
import { stronglyConnected } from '../../../facts/module-graph/cycles.js';

export const noCycle = defineCheck({
  meta: {
    id: 'imports/no-cycle',
    stage: 'scan',
    description: 'Disallow import cycles between modules loaded at import time',
    severity: 'low',
    category: 'maintainability',
  },
  run({ project, report }) {
    const graph = moduleGraph(project);
    for (const cycle of stronglyConnected(graph.loads)) {
      const path = cyclePath(cycle, graph.loads);
      const [first, second] = path;
      if (!first || !second) continue;
      const edge = graph.imports.find((entry) => entry.file === first && entry.resolution.targets.includes(second) && !entry.fact.isConditional && !entry.isTypeOnly);
      if (!edge) continue;
      const isPython = first.endsWith('.py');
      const chain = [...path, first].join(' -> ');
      report({
        message: isPython
          ? `${cycle.length} modules import each other at import time (${chain}): whichever loads first sees the others half-initialized, so a \`from ... import name\` among them raises ImportError ("partially initialized module") depending on import order.`
          : `${cycle.length} modules import each other at load time (${chain}): one of them sees the others' exports as undefined (or hits a ReferenceError) while they load, depending on which is imported first.`,
        remediation: 'Move what both sides need into a third module, or import inside the function that needs it (Python) / pass the dependency in instead of importing it.',
        location: { file: edge.file, line: edge.fact.line, column: edge.fact.column },
        related: path.slice(1).map((file) => ({ file, line: 1 })),
        fingerprintContent: [...cycle].sort().join(' '),
      });
    }
  },
});

/** One concrete loop through a strongly connected set, starting at its first file in path order. */
function cyclePath(members: string[], edges: Map<string, string[]>): string[] {
  const inCycle = new Set(members);
  const start = [...members].sort()[0] as string;
  const path = [start];
  const seen = new Set(path);
  let current = start;
  for (;;) {
    const next = (edges.get(current) ?? []).filter((target) => inCycle.has(target)).sort();
    const back = next.includes(start) && path.length > 1;
    const fresh = next.find((target) => !seen.has(target));
    if (back || !fresh) return path;
    path.push(fresh);
    seen.add(fresh);
    current = fresh;
  }
}
