import { defineCheck } from '../../api.js';
import { describeFunction } from '../../../facts/must-return.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';

export const noUnconditionalRecursion = defineCheck({
  meta: {
    id: 'recursion/no-unconditional-recursion',
    stage: 'scan',
    description: 'Disallow functions that call themselves on every path (no base case before the recursive call)',
    severity: 'critical',
    category: 'correctness',
  },
  run({ project, report }) {
    for (const facts of project.allFacts()) {
      const code = facts.source?.code;
      // Tests recurse on purpose (recursion-limit tests); they never run in a deployment.
      if (!code || isNonProductionPath(facts.path)) continue;
      const isPython = facts.kind === 'python';
      for (const fact of code.functions) {
        if (!fact.recursion) continue;
        const name = describeFunction(fact);
        const crash = isPython ? 'RecursionError' : '"RangeError: Maximum call stack size exceeded"';
        const isAccessor = fact.recursion.isAccessor === true;
        report({
          message: isAccessor
            ? `The getter ${fact.name} returns this.${fact.name}, which calls the getter again: reading it recurses until ${crash}.`
            : `${name} calls itself here with no return, raise or condition before the call, so every call recurses until ${crash} and the request or job dies.`,
          remediation: isAccessor
            ? `Store the value in a differently named field (this._${fact.name}) and return that.`
            : 'Add the base case (an if that returns before the recursive call), or call the intended function (super(), the wrapped client) instead of this one.',
          location: { file: facts.path, line: fact.recursion.line, column: fact.recursion.column },
          fingerprintContent: `${name}:recursion`,
        });
      }
    }
  },
});
