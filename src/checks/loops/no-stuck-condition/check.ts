import { defineCheck } from '../../api.js';
import { loopHeader, loopPlace, loopsOf } from '../../../facts/loop-text.js';
import { functionKey, mustReturn } from '../../../facts/must-return.js';

export const noStuckCondition = defineCheck({
  meta: {
    id: 'loops/no-stuck-condition',
    stage: 'scan',
    description: 'Disallow loops whose condition reads only local variables that the body never changes',
    severity: 'moderate',
    category: 'correctness',
  },
  run({ project, report }) {
    const must = mustReturn(project);
    for (const { facts, loop, language } of loopsOf(project)) {
      if (loop.isConstantTrue || loop.conditionHasCall || loop.conditionNames.length === 0 || loop.exitsUnconditionally) continue;
      if (loop.localNames.length !== loop.conditionNames.length || loop.changed.length > 0 || loop.waits.includes('yield')) continue;
      const why = must.functions.get(functionKey(facts.path, loop.functionIndex));
      const names = loop.conditionNames.map((name) => `\`${name}\``).join(', ');
      const header = loopHeader(loop, language);
      report({
        message: `\`${header}\` ${loopPlace(loop)} tests ${names}, which ${loop.conditionNames.length === 1 ? 'is a local variable' : 'are local variables'} the loop body never changes, so the condition can never end the loop${loop.exits.length > 0 ? ` (only its ${loop.exits.join('/')} can)` : ': once entered, it runs forever'}${why ? `; and it must finish (${why})` : ''}.`,
        remediation: `Update ${names} inside the loop (the increment or the new value is probably missing), or exit with break/return when the work is done.`,
        location: { file: facts.path, line: loop.line, column: loop.column },
        ...(why ? { severity: 'critical' as const } : {}),
        fingerprintContent: `${loop.functionName}:${header}`,
      });
    }
  },
});
