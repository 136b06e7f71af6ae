import { defineCheck } from '../../api.js';
import { commandText } from '../../../facts/extract/shell-script.js';
import { buildScripts } from '../../../facts/script-roles.js';
import type { ShellCommandFact, ShellScriptFacts } from '../../../facts/types.js';

/** Steps whose failure does not matter, or that only set the shell up. */
const NOT_A_STEP = new Set(['echo', 'printf', 'set', 'export', 'unset', 'local', 'readonly', 'declare', 'typeset', ':', 'true', 'false', 'exit', 'return', 'shift', 'trap', '[', '[[', 'test', 'source', '.', 'read', 'sleep', 'wait']);
const GUARDED = new Set(['&&', '||', '|', '|&']);

export const requireStrictMode = defineCheck({
  meta: {
    id: 'shell/require-strict-mode',
    stage: 'scan',
    description: 'Require install, build and setup scripts to stop at the first failing step (set -e, and -u/pipefail where the shell has them)',
    severity: 'moderate',
    category: 'reliability',
  },
  run({ project, report }) {
    for (const [path, runBy] of buildScripts(project)) {
      const script = project.facts(path)?.source?.shell;
      if (!script || script.errexit !== undefined) continue;
      const unguarded = unguardedSteps(script);
      const first = unguarded[0];
      if (!first) continue;
      const how = runBy === 'its name' ? path : `${path} (run by ${runBy})`;
      const isBash = /\b(?:bash|zsh|ksh)\b/.test(script.shebang ?? '') || path.endsWith('.bash');
      report({
        message: `${how} has no \`set -e\`: when \`${commandText(first)}\`${unguarded.length > 1 ? ` or one of ${unguarded.length - 1} other steps` : ''} fails, the script carries on and can still exit 0, so the deploy goes ahead with a half-done install or build.`,
        remediation: isBash
          ? 'Add `set -euo pipefail` under the shebang: stop at the first failing command, on unset variables, and on failures inside pipes.'
          : 'Add `set -eu` under the shebang (stop at the first failing command and on unset variables); use bash for `set -o pipefail`.',
        location: { file: path, line: first.line, column: first.column },
        fingerprintContent: `no errexit:${path}`,
      });
    }
  },
});

/** Top-level steps whose failure nothing checks, except the last one (its status is the script's). */
function unguardedSteps(script: ShellScriptFacts): ShellCommandFact[] {
  const topLevel = script.commands.filter((command) => command.depth === 0 && !command.inFunction);
  return topLevel.slice(0, -1).filter((command) => !NOT_A_STEP.has(command.program) && !GUARDED.has(command.terminator) && !command.isBackground);
}
